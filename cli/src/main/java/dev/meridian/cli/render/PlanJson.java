package dev.meridian.cli.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.blueprints.plan.Cost;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.Routing;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;

/**
 * The plan as JSON for machines ({@code meridian plan --format json}): a stable, documented shape
 * (docs/cli.md), fields in a fixed order, money as decimal strings.
 */
public final class PlanJson {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  /** Renders a Topology as pretty-printed JSON ending with a newline. */
  public static String render(Topology topology) {
    try {
      return MAPPER.writeValueAsString(toJson(topology)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("plan JSON", e);
    }
  }

  /** A flow kind as JSON names it, e.g. {@code failover-traffic}. */
  static String kindName(dev.meridian.blueprints.plan.FlowKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The JSON tree of a Topology. */
  public static ObjectNode toJson(Topology topology) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("deployment", topology.name());
    root.put("pattern", topology.deployment().pattern().specName());
    ArrayNode sites = root.putArray("sites");
    for (Site site : topology.sites()) {
      ObjectNode s = sites.addObject();
      s.put("name", site.name());
      s.put("role", site.role().specName());
      s.put("jurisdiction", site.jurisdiction());
      if (site.placement() instanceof Placement.Dedicated d) {
        s.put("kind", "dedicated");
        d.endpoints().forEach(s.putArray("endpoints")::add);
        s.put("gpu", d.gpuDescription());
      } else {
        s.put("kind", "aws");
        s.put("awsRegion", site.awsRegion().orElseThrow());
      }
      site.fleet().ifPresent(g -> {
        ObjectNode f = s.putObject("fleet");
        f.put("instanceType", g.instanceType());
        f.put("min", g.min());
        f.put("max", g.max());
        f.put("image", g.image());
        f.put("model", g.model().name());
      });
      site.vectorStore().ifPresent(v -> {
        ObjectNode q = s.putObject("vectorStore");
        q.put("engine", v.engine());
        q.put("nodes", v.nodes());
        q.put("instanceType", v.instanceType());
        q.put("content", v.content().specName());
      });
      if (!site.serves().isEmpty()) {
        site.serves().forEach(s.putArray("serves")::add);
      }
    }
    Routing routing = topology.routing();
    ObjectNode dns = root.putObject("dns");
    dns.put("policy", routing.policy().displayName());
    dns.put("zone", routing.zone());
    dns.put("record", routing.record());
    dns.put("ttl", routing.ttl());
    dns.put("failoverSeconds", routing.failoverSeconds());
    ObjectNode hc = dns.putObject("healthCheck");
    hc.put("protocol", routing.healthCheck().protocol().name());
    hc.put("port", routing.healthCheck().port());
    hc.put("path", routing.healthCheck().path());
    hc.put("intervalSeconds", routing.healthCheck().intervalSeconds());
    hc.put("failureThreshold", routing.healthCheck().failureThreshold());
    ArrayNode records = dns.putArray("records");
    for (RecordSet r : routing.records()) {
      ObjectNode o = records.addObject();
      o.put("name", r.name());
      o.put("setIdentifier", r.setIdentifier());
      o.put("site", r.site());
      o.put("rule", RoutingRules.describe(r.rule()));
      o.put("healthChecked", r.healthChecked());
    }
    ArrayNode flows = root.putArray("flows");
    for (DataFlow f : topology.flows()) {
      ObjectNode o = flows.addObject();
      o.put("kind", kindName(f.kind()));
      o.put("from", f.from());
      o.put("to", f.to());
      o.put("dataClass", f.dataClass().specName());
      o.put("fromJurisdiction", f.fromJurisdiction());
      o.put("toJurisdiction", f.toJurisdiction());
      o.put("crossesBorder", f.crossesBorder());
      o.put("allowed", f.allowed());
    }
    Cost cost = topology.cost();
    ObjectNode c = root.putObject("costUsdPerHour");
    c.put("min", cost.minUsdPerHour().toPlainString());
    c.put("max", cost.maxUsdPerHour().toPlainString());
    ArrayNode lines = c.putArray("lines");
    for (Cost.Line line : cost.lines()) {
      ObjectNode o = lines.addObject();
      o.put("site", line.site());
      o.put("what", line.what());
      o.put("instanceType", line.instanceType());
      o.put("min", line.min());
      o.put("max", line.max());
      o.put("usdPerHour", line.usdPerHour().toPlainString());
    }
    ArrayNode warnings = root.putArray("warnings");
    topology.warnings().forEach(w -> warnings.add(w.render()));
    return root;
  }
}
