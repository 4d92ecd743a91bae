package dev.meridian.stacks;

import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Residency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every synthesized stack records about the deployment it belongs to, so that review can
 * judge the output without trusting the Java that made it (docs/output.md): CloudFormation puts
 * it in the template's {@code Metadata.Meridian}, Terraform in {@code locals.meridian}. Maps are
 * insertion-ordered so both engines write the same bytes for the same spec.
 */
public final class StackMetadata {

  /** Template metadata key (CloudFormation) and local name (Terraform). */
  public static final String CFN_KEY = "Meridian";
  public static final String TERRAFORM_LOCAL = "meridian";

  private StackMetadata() {}

  /** The metadata object of one stack. */
  public static Map<String, Object> of(Topology topology, StackPlan stack) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deployment", topology.name());
    m.put("pattern", topology.deployment().pattern().specName());
    m.put("site", stack.site().map(Site::name).orElse(null));
    m.put("jurisdiction", stack.site().map(Site::jurisdiction).orElse(null));
    m.put("awsRegion", stack.awsRegion());
    m.put("residency", residency(topology.deployment().residency()));
    Map<String, Object> sites = new LinkedHashMap<>();
    topology.sites().forEach(s -> sites.put(s.name(), s.jurisdiction()));
    m.put("sites", sites);
    return m;
  }

  private static Map<String, Object> residency(Residency residency) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("mode", residency.mode().name().toLowerCase(java.util.Locale.ROOT));
    List<Map<String, Object>> transfers = residency.allowedTransfers().stream()
        .map(t -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("from", t.from());
          e.put("to", t.to());
          return e;
        })
        .toList();
    r.put("allowedTransfers", transfers);
    return r;
  }
}
