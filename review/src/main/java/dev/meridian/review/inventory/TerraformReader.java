package dev.meridian.review.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads a cdktf.out ({@code DIR/terraform}) into stacks and resources. */
final class TerraformReader {

  private static final List<String> NOT_PROPERTIES =
      List.of("//", "lifecycle", "provider", "depends_on", "count", "for_each", "connection", "provisioner");

  private TerraformReader() {}

  static void read(Path out, List<Stack> stacks, List<Resource> resources, List<String> problems) {
    Path manifestFile = out.resolve("manifest.json");
    Optional<JsonNode> manifest = Json.read(manifestFile, problems);
    if (manifest.isEmpty()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : manifest.get().path("stacks").properties()) {
      String path = entry.getValue().path("synthesizedStackPath").asText();
      if (path.isEmpty()) {
        problems.add(manifestFile + ": stacks." + entry.getKey() + ".synthesizedStackPath: missing");
        continue;
      }
      Json.read(out.resolve(path), problems)
          .ifPresent(json -> readStack(entry.getKey(), json, stacks, resources));
    }
  }

  private static void readStack(String name, JsonNode json, List<Stack> stacks, List<Resource> resources) {
    Map<String, String> providerRegions = new TreeMap<>();
    for (JsonNode provider : Blocks.each(json.path("provider").path("aws"))) {
      String alias = provider.path("alias").asText();
      providerRegions.put(alias.isEmpty() ? "aws" : "aws." + alias, provider.path("region").asText());
    }
    Optional<String> region = Optional.ofNullable(providerRegions.get("aws")).filter(r -> !r.isEmpty());
    PlacementReader.Result placement = PlacementReader.read(json.path("locals").path("meridian"), "locals.meridian");
    Stack stack = new Stack(Engine.TERRAFORM, name, region, placement.placement(), placement.error());
    stacks.add(stack);
    readBlocks(stack, "", json.path("resource"), providerRegions, resources);
    readBlocks(stack, "data.", json.path("data"), providerRegions, resources);
  }

  private static void readBlocks(Stack stack, String prefix, JsonNode blocks, Map<String, String> providerRegions,
      List<Resource> resources) {
    blocks.properties().forEach(byType -> byType.getValue().properties().forEach(e -> {
      String type = byType.getKey();
      JsonNode raw = e.getValue();
      String provider = raw.path("provider").asText("aws");
      Optional<String> region = Optional.ofNullable(providerRegions.get(provider)).filter(r -> !r.isEmpty())
          .or(stack::region);
      ObjectNode body = (ObjectNode) Canonical.terraform(raw, region);
      body.remove("//");
      ObjectNode properties = body.deepCopy();
      properties.remove(NOT_PROPERTIES);
      boolean preventDestroy = Blocks.each(raw.path("lifecycle")).stream()
          .anyMatch(l -> l.path("prevent_destroy").asBoolean(false) || "true".equals(l.path("prevent_destroy").asText()));
      ResourceKind kind = prefix.isEmpty() ? ResourceKind.of(type) : ResourceKind.OTHER;
      resources.add(new Resource(stack, prefix + type + "." + e.getKey(), type, kind, region,
          properties, tags(properties.path("tags")), new Retention(preventDestroy, preventDestroy), body));
    }));
  }

  private static SortedMap<String, String> tags(JsonNode tags) {
    SortedMap<String, String> out = new TreeMap<>();
    tags.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
