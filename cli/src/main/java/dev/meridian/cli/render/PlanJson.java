package dev.meridian.cli.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.meridian.blueprints.plan.Cost;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.Routing;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Gpu;
import dev.meridian.blueprints.spec.Problem;
import dev.meridian.blueprints.spec.VectorStore;
import java.io.IOException;
import java.util.Locale;

/**
 * The plan as JSON for machines ({@code meridian plan --format json}): a stable, documented shape
 * (docs/cli.md), fields in a fixed order, money as decimal strings.
 */
public final class PlanJson {

  private PlanJson() {}

  /** Renders a Topology as pretty-printed JSON ending with a newline. */
  public static String render(Topology topology) {
    return JsonText.write(json -> write(topology, json));
  }

  /** A flow kind as JSON names it, e.g. {@code failover-traffic}. */
  static String kindName(FlowKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static void write(Topology topology, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("deployment", topology.name());
    json.writeStringField("pattern", topology.deployment().pattern().specName());
    json.writeArrayFieldStart("sites");
    for (Site site : topology.sites()) {
      site(site, json);
    }
    json.writeEndArray();
    dns(topology.routing(), json);
    json.writeArrayFieldStart("flows");
    for (DataFlow f : topology.flows()) {
      json.writeStartObject();
      json.writeStringField("kind", kindName(f.kind()));
      json.writeStringField("from", f.from());
      json.writeStringField("to", f.to());
      json.writeStringField("dataClass", f.dataClass().specName());
      json.writeStringField("fromJurisdiction", f.fromJurisdiction());
      json.writeStringField("toJurisdiction", f.toJurisdiction());
      json.writeBooleanField("crossesBorder", f.crossesBorder());
      json.writeBooleanField("allowed", f.allowed());
      json.writeEndObject();
    }
    json.writeEndArray();
    cost(topology.cost(), json);
    json.writeArrayFieldStart("warnings");
    for (Problem warning : topology.warnings()) {
      json.writeString(warning.render());
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void site(Site site, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", site.name());
    json.writeStringField("role", site.role().specName());
    json.writeStringField("jurisdiction", site.jurisdiction());
    if (site.placement() instanceof Placement.Dedicated d) {
      json.writeStringField("kind", "dedicated");
      JsonText.stringArray(json, "endpoints", d.endpoints());
      json.writeStringField("gpu", d.gpuDescription());
    } else {
      json.writeStringField("kind", "aws");
      json.writeStringField("awsRegion", site.awsRegion().orElseThrow());
    }
    if (site.fleet().isPresent()) {
      Gpu g = site.fleet().get();
      json.writeObjectFieldStart("fleet");
      json.writeStringField("instanceType", g.instanceType());
      json.writeNumberField("min", g.min());
      json.writeNumberField("max", g.max());
      json.writeStringField("image", g.image());
      json.writeStringField("model", g.model().name());
      json.writeEndObject();
    }
    if (site.vectorStore().isPresent()) {
      VectorStore v = site.vectorStore().get();
      json.writeObjectFieldStart("vectorStore");
      json.writeStringField("engine", v.engine());
      json.writeNumberField("nodes", v.nodes());
      json.writeStringField("instanceType", v.instanceType());
      json.writeStringField("content", v.content().specName());
      json.writeEndObject();
    }
    if (!site.serves().isEmpty()) {
      JsonText.stringArray(json, "serves", site.serves());
    }
    json.writeEndObject();
  }

  private static void dns(Routing routing, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("dns");
    json.writeStringField("policy", routing.policy().displayName());
    json.writeStringField("zone", routing.zone());
    json.writeStringField("record", routing.record());
    json.writeNumberField("ttl", routing.ttl());
    json.writeNumberField("failoverSeconds", routing.failoverSeconds());
    json.writeObjectFieldStart("healthCheck");
    json.writeStringField("protocol", routing.healthCheck().protocol().name());
    json.writeNumberField("port", routing.healthCheck().port());
    json.writeStringField("path", routing.healthCheck().path());
    json.writeNumberField("intervalSeconds", routing.healthCheck().intervalSeconds());
    json.writeNumberField("failureThreshold", routing.healthCheck().failureThreshold());
    json.writeEndObject();
    json.writeArrayFieldStart("records");
    for (RecordSet r : routing.records()) {
      json.writeStartObject();
      json.writeStringField("name", r.name());
      json.writeStringField("setIdentifier", r.setIdentifier());
      json.writeStringField("site", r.site());
      json.writeStringField("rule", RoutingRules.describe(r.rule()));
      json.writeBooleanField("healthChecked", r.healthChecked());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void cost(Cost cost, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("costUsdPerHour");
    json.writeStringField("min", cost.minUsdPerHour().toPlainString());
    json.writeStringField("max", cost.maxUsdPerHour().toPlainString());
    json.writeArrayFieldStart("lines");
    for (Cost.Line line : cost.lines()) {
      json.writeStartObject();
      json.writeStringField("site", line.site());
      json.writeStringField("what", line.what());
      json.writeStringField("instanceType", line.instanceType());
      json.writeNumberField("min", line.min());
      json.writeNumberField("max", line.max());
      json.writeStringField("usdPerHour", line.usdPerHour().toPlainString());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
