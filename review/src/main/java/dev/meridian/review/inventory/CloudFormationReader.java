package dev.meridian.review.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads a CDK cloud assembly ({@code DIR/cdk}) into stacks and resources. */
final class CloudFormationReader {

  private static final Set<String> RETAIN_ON_DELETE = Set.of("Retain", "RetainExceptOnCreate", "Snapshot");
  private static final Set<String> RETAIN_ON_REPLACE = Set.of("Retain", "Snapshot");

  private CloudFormationReader() {}

  static void read(Path assembly, List<Stack> stacks, List<Resource> resources, List<String> problems) {
    Path manifestFile = assembly.resolve("manifest.json");
    Optional<JsonNode> manifest = Json.read(manifestFile, problems);
    if (manifest.isEmpty()) {
      return;
    }
    JsonNode artifacts = manifest.get().path("artifacts");
    for (Map.Entry<String, JsonNode> artifact : artifacts.properties()) {
      JsonNode a = artifact.getValue();
      if (!"aws:cloudformation:stack".equals(a.path("type").asText())) {
        continue;
      }
      String templateFile = a.path("properties").path("templateFile").asText();
      if (templateFile.isEmpty()) {
        problems.add(manifestFile + ": artifacts." + artifact.getKey() + ".properties.templateFile: missing");
        continue;
      }
      Optional<JsonNode> template = Json.read(assembly.resolve(templateFile), problems);
      template.ifPresent(t -> readStack(artifact.getKey(), region(a), t, stacks, resources));
    }
  }

  private static Optional<String> region(JsonNode artifact) {
    String environment = artifact.path("environment").asText();
    int slash = environment.lastIndexOf('/');
    String region = slash < 0 ? "" : environment.substring(slash + 1);
    return region.isEmpty() || region.equals("unknown-region") ? Optional.empty() : Optional.of(region);
  }

  private static void readStack(String name, Optional<String> region, JsonNode template,
      List<Stack> stacks, List<Resource> resources) {
    PlacementReader.Result placement = PlacementReader.read(template.path("Metadata").path("Meridian"), "Metadata.Meridian");
    Stack stack = new Stack(Engine.CLOUDFORMATION, name, region, placement.placement(), placement.error());
    stacks.add(stack);
    template.path("Resources").properties().forEach(e -> {
      JsonNode raw = e.getValue();
      String type = raw.path("Type").asText();
      ObjectNode body = (ObjectNode) Canonical.cloudFormation(raw, region);
      body.remove("Metadata");
      JsonNode properties = body.path("Properties").isObject() ? body.get("Properties") : Json.MAPPER.createObjectNode();
      Retention retention = new Retention(
          RETAIN_ON_DELETE.contains(raw.path("DeletionPolicy").asText()),
          RETAIN_ON_REPLACE.contains(raw.path("UpdateReplacePolicy").asText()));
      resources.add(new Resource(stack, e.getKey(), type, ResourceKind.of(type), region, properties,
          tags(properties.path("Tags")), retention, body));
    });
  }

  /** CloudFormation tags: a list of {@code {Key, Value}} (most types) or a map (a few). */
  static SortedMap<String, String> tags(JsonNode tags) {
    SortedMap<String, String> out = new TreeMap<>();
    if (tags.isArray()) {
      tags.forEach(t -> out.put(t.path("Key").asText(), t.path("Value").asText()));
    } else if (tags.isObject()) {
      tags.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
