package dev.meridian.review.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Resource;
import dev.meridian.review.inventory.ResourceKind;
import dev.meridian.review.inventory.StackPlacement;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A site's stack reaches into another jurisdiction only when allowed. CloudFormation: CDK's
 * cross-region export writers/readers ({@code Custom::CrossRegion…}) and {@code Custom::AWS}
 * calls (SSM reads of another region) name their {@code region}; Terraform: a resource or data
 * source whose provider alias points at another region. A reference from a site's stack to a region
 * of another jurisdiction is a finding unless {@code allowedTransfers} list site jurisdiction →
 * that jurisdiction. Global stacks (DNS, no jurisdiction) may reference any region.
 */
public final class CrossRegionReferenceRule implements Rule {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> SDK_CALLS = Set.of("Create", "Update", "Delete");

  @Override
  public String id() {
    return "cross-region-reference";
  }

  @Override
  public String description() {
    return "a site's stack references no region of another jurisdiction unless allowed";
  }

  @Override
  public boolean residency() {
    return true;
  }

  @Override
  public List<Finding> check(Inventory inventory) {
    List<Finding> findings = new ArrayList<>();
    for (Resource r : inventory.resources()) {
      if (r.stack().placement().flatMap(StackPlacement::jurisdiction).isEmpty()) {
        continue;
      }
      Set<String> regions = new TreeSet<>();
      String homeRegion = r.stack().region().orElse("");
      if (r.stack().engine() == Engine.TERRAFORM) {
        r.region().filter(region -> !region.equals(homeRegion)).ifPresent(regions::add);
      } else if (r.kind() == ResourceKind.CROSS_REGION_REFERENCE) {
        collectRegions(r, r.properties(), regions, findings);
        regions.remove(homeRegion);
      }
      String home = r.stack().placement().flatMap(StackPlacement::jurisdiction).orElseThrow();
      for (String region : regions) {
        Optional<String> there = Borders.jurisdiction(Optional.of(region));
        if (there.isEmpty()) {
          findings.add(new Finding(r.path(), id(), "cannot prove residency of cross-region reference to " + region
              + ": not a region review knows"));
        } else if (!Borders.residency(r.stack()).allows(home, there.get())) {
          findings.add(new Finding(r.path(), id(), "cross-region reference from " + r.stack().site() + " (" + home
              + ") to " + region + " (" + there.get() + ") couples " + home + " → " + there.get()
              + ", which allowedTransfers of " + r.stack().deployment() + " do not list"));
        }
      }
    }
    return findings;
  }

  private void collectRegions(Resource r, JsonNode node, Set<String> regions, List<Finding> findings) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equalsIgnoreCase("region") && e.getValue().isTextual()) {
          regions.add(e.getValue().asText());
        } else if (SDK_CALLS.contains(e.getKey()) && e.getValue().isTextual()) {
          try {
            collectRegions(r, MAPPER.readTree(e.getValue().asText()), regions, findings);
          } catch (JsonProcessingException unreadable) {
            findings.add(new Finding(r.path(), id(), "cannot prove residency of " + e.getKey()
                + ": it is not a JSON SDK call (" + unreadable.getOriginalMessage() + ")"));
          }
        } else {
          collectRegions(r, e.getValue(), regions, findings);
        }
      });
    } else if (node.isArray()) {
      node.forEach(element -> collectRegions(r, element, regions, findings));
    }
  }
}
