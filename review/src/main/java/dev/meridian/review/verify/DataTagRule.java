package dev.meridian.review.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.review.inventory.Blocks;
import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Resource;
import dev.meridian.review.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every data-bearing resource (bucket, volume, launch template with block devices — judged by the
 * tags it gives its volumes —, log group, Firehose stream, secret, file system, table) carries
 * {@code meridian:jurisdiction} equal to the jurisdiction of the region it lives in, and {@code
 * meridian:data-class} of {@code user}, {@code derived} or {@code artifact}.
 */
public final class DataTagRule implements Rule {

  static final String JURISDICTION = "meridian:jurisdiction";
  private static final Set<String> DATA_CLASSES = Set.of("user", "derived", "artifact");

  @Override
  public String id() {
    return "data-tags";
  }

  @Override
  public String description() {
    return "every data-bearing resource is tagged with its jurisdiction and data class";
  }

  @Override
  public List<Finding> check(Inventory inventory) {
    List<Finding> findings = new ArrayList<>();
    for (Resource r : inventory.resources()) {
      if (!r.kind().dataBearing() || r.dataSource()) {
        continue;
      }
      Optional<Map<String, String>> tags = dataTags(r);
      if (tags.isEmpty()) {
        continue;
      }
      String what = r.kind() == ResourceKind.LAUNCH_TEMPLATE ? "its volumes' tags" : "tag";
      String jurisdiction = tags.get().get(JURISDICTION);
      Optional<String> actual = Borders.jurisdiction(r);
      if (jurisdiction == null) {
        findings.add(new Finding(r.path(), id(), what + " " + JURISDICTION + " missing (expected "
            + actual.orElse("the jurisdiction of its region") + ")"));
      } else if (actual.isPresent() && !actual.get().equals(jurisdiction)) {
        findings.add(new Finding(r.path(), id(), what + " " + JURISDICTION + " is " + jurisdiction + " but it lives in "
            + r.region().orElse("?") + " (" + actual.get() + ")"));
      }
      String dataClass = tags.get().get(Borders.DATA_CLASS);
      if (dataClass == null) {
        findings.add(new Finding(r.path(), id(), what + " " + Borders.DATA_CLASS + " missing (expected user, derived or artifact)"));
      } else if (!DATA_CLASSES.contains(dataClass)) {
        findings.add(new Finding(r.path(), id(), what + " " + Borders.DATA_CLASS + " is " + dataClass
            + " (expected user, derived or artifact)"));
      }
    }
    return findings;
  }

  /** The tags that describe the resource's data; empty for a launch template without block devices. */
  private static Optional<Map<String, String>> dataTags(Resource r) {
    if (r.kind() != ResourceKind.LAUNCH_TEMPLATE) {
      return Optional.of(r.tags());
    }
    boolean cfn = r.stack().engine() == Engine.CLOUDFORMATION;
    JsonNode data = cfn ? r.property("LaunchTemplateData") : r.properties();
    JsonNode devices = data.path(cfn ? "BlockDeviceMappings" : "block_device_mappings");
    if (devices.isMissingNode() || devices.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> tags = new TreeMap<>();
    for (JsonNode spec : Blocks.each(data.path(cfn ? "TagSpecifications" : "tag_specifications"))) {
      if ("volume".equals(spec.path(cfn ? "ResourceType" : "resource_type").asText())) {
        JsonNode list = spec.path(cfn ? "Tags" : "tags");
        if (list.isArray()) {
          list.forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
        } else {
          list.properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
      }
    }
    return Optional.of(tags);
  }
}
