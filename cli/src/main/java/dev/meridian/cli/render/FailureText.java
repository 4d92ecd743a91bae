package dev.meridian.cli.render;

import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.FailureReport;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.plan.UserGroupOutcome;
import dev.meridian.blueprints.spec.Residency;

/** A what-if ({@code meridian plan --fail}) as terminal text: who goes where, how fast, and residency. */
public final class FailureText {

  private FailureText() {}

  /** Renders the outcome of failing some sites of a deployment. */
  public static String render(Topology topology, FailureReport.Simulated report) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%s with %s down%n%n", topology.name(), String.join(", ", report.failedSites())));

    Table users = new Table();
    for (UserGroupOutcome group : report.userGroups()) {
      String now = group.nowServedBy().orElse("UNSERVED (no answer)");
      users.row(group.users(), group.servedBy() + " → " + now, group.affected() ? (group.unserved() ? "lost" : "moved") : "unchanged");
    }
    out.append("USERS\n").append(users.render("  "));

    out.append(String.format("%nHEALTH CHECKS TRIPPED  %s%n",
        report.trippedHealthChecks().isEmpty() ? "none" : String.join(", ", report.trippedHealthChecks())));
    out.append(report.failoverSeconds() == 0
        ? "FAILOVER  DNS moves nobody\n"
        : String.format("FAILOVER  ≤ %d s (health check interval × threshold + TTL)%n", report.failoverSeconds()));
    if (!report.scalingUpFromZero().isEmpty()) {
      out.append(String.format("          + scale-up from zero at %s (pilot light): add instance boot and model load%n",
          String.join(", ", report.scalingUpFromZero())));
    }
    out.append(String.format("CAPACITY  %d of %d AWS GPU instances (at max) left; dedicated servers not counted%n",
        report.capacityLeft(), report.capacityBefore()));

    boolean checked = topology.deployment().residency().mode() == Residency.Mode.STRICT;
    if (report.reroutedFlows().isEmpty()) {
      out.append(checked ? "\nRESIDENCY  holds · no user traffic is rerouted\n" : "\nRESIDENCY  none · not checked\n");
    } else {
      out.append(!checked ? "\nRESIDENCY  none · not checked\n" : report.residencyHolds() ? "\nRESIDENCY  holds\n" : "\nRESIDENCY  BROKEN\n");
      Table flows = new Table();
      for (DataFlow f : report.reroutedFlows()) {
        flows.row(f.kind().description(), String.format("%s (%s) → %s (%s)", f.from(), f.fromJurisdiction(), f.to(), f.toJurisdiction()),
            border(f, checked));
      }
      out.append(flows.render("  "));
    }
    return out.toString();
  }

  private static String border(DataFlow flow, boolean checked) {
    if (!flow.crossesBorder()) {
      return "same jurisdiction";
    }
    if (!checked) {
      return "crosses a border";
    }
    return flow.allowed() ? "crosses a border: allowed" : "crosses a border: NOT ALLOWED";
  }
}
