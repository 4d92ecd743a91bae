package dev.meridian.cli.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.FailureReport;
import dev.meridian.blueprints.plan.UserGroupOutcome;
import java.io.IOException;

/** A what-if ({@code meridian plan --fail --format json}) for machines, fields in a fixed order. */
public final class FailureJson {

  private FailureJson() {}

  /** Renders the outcome of failing some sites as pretty-printed JSON ending with a newline. */
  public static String render(FailureReport.Simulated report) {
    return JsonText.write(json -> write(report, json));
  }

  private static void write(FailureReport.Simulated report, JsonGenerator json) throws IOException {
    json.writeStartObject();
    JsonText.stringArray(json, "failedSites", report.failedSites());
    json.writeArrayFieldStart("userGroups");
    for (UserGroupOutcome group : report.userGroups()) {
      json.writeStartObject();
      json.writeStringField("users", group.users());
      json.writeStringField("servedBy", group.servedBy());
      if (group.nowServedBy().isPresent()) {
        json.writeStringField("nowServedBy", group.nowServedBy().get());
      } else {
        json.writeNullField("nowServedBy");
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    JsonText.stringArray(json, "trippedHealthChecks", report.trippedHealthChecks());
    json.writeNumberField("failoverSeconds", report.failoverSeconds());
    JsonText.stringArray(json, "scalingUpFromZero", report.scalingUpFromZero());
    json.writeNumberField("capacityBefore", report.capacityBefore());
    json.writeNumberField("capacityLeft", report.capacityLeft());
    json.writeBooleanField("residencyHolds", report.residencyHolds());
    json.writeArrayFieldStart("reroutedFlows");
    for (DataFlow f : report.reroutedFlows()) {
      json.writeStartObject();
      json.writeStringField("kind", PlanJson.kindName(f.kind()));
      json.writeStringField("from", f.from());
      json.writeStringField("to", f.to());
      json.writeStringField("fromJurisdiction", f.fromJurisdiction());
      json.writeStringField("toJurisdiction", f.toJurisdiction());
      json.writeBooleanField("allowed", f.allowed());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
