package dev.meridian.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.FailureReport;
import dev.meridian.blueprints.plan.UserGroupOutcome;

/** A what-if ({@code meridian plan --fail --format json}) for machines, fields in a fixed order. */
public final class FailureJson {

  private FailureJson() {}

  /** Renders the outcome of failing some sites as pretty-printed JSON ending with a newline. */
  public static String render(FailureReport.Simulated report) {
    ObjectNode root = PlanJson.MAPPER.createObjectNode();
    report.failedSites().forEach(root.putArray("failedSites")::add);
    ArrayNode users = root.putArray("userGroups");
    for (UserGroupOutcome group : report.userGroups()) {
      ObjectNode o = users.addObject();
      o.put("users", group.users());
      o.put("servedBy", group.servedBy());
      if (group.nowServedBy().isPresent()) {
        o.put("nowServedBy", group.nowServedBy().get());
      } else {
        o.putNull("nowServedBy");
      }
    }
    report.trippedHealthChecks().forEach(root.putArray("trippedHealthChecks")::add);
    root.put("failoverSeconds", report.failoverSeconds());
    report.scalingUpFromZero().forEach(root.putArray("scalingUpFromZero")::add);
    root.put("capacityBefore", report.capacityBefore());
    root.put("capacityLeft", report.capacityLeft());
    root.put("residencyHolds", report.residencyHolds());
    ArrayNode flows = root.putArray("reroutedFlows");
    for (DataFlow f : report.reroutedFlows()) {
      ObjectNode o = flows.addObject();
      o.put("kind", PlanJson.kindName(f.kind()));
      o.put("from", f.from());
      o.put("to", f.to());
      o.put("fromJurisdiction", f.fromJurisdiction());
      o.put("toJurisdiction", f.toJurisdiction());
      o.put("allowed", f.allowed());
    }
    try {
      return PlanJson.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("what-if JSON", e);
    }
  }
}
