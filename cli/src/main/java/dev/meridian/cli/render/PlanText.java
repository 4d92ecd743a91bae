package dev.meridian.cli.render;

import dev.meridian.blueprints.plan.Cost;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.Routing;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.Residency;
import java.util.List;
import java.util.stream.Collectors;

/** The plan as a terminal reader wants it: sites, DNS, data flows, residency verdict, cost. */
public final class PlanText {

  private PlanText() {}

  /** Renders a Topology as aligned plain text (no colour codes, ends with a newline). */
  public static String render(Topology topology) {
    StringBuilder out = new StringBuilder();
    Routing routing = topology.routing();
    int siteCount = topology.sites().size();
    out.append(String.format("%s · %s · %d site%s · %s (zone %s)%n%n", topology.name(),
        topology.deployment().pattern().specName(), siteCount, siteCount == 1 ? "" : "s", routing.record(), routing.zone()));

    Table sites = new Table();
    for (Site site : topology.sites()) {
      sites.row(site.name(), site.role().specName(), site.jurisdiction(), placement(site), capacity(site));
    }
    out.append("SITES\n").append(sites.render("  "));

    out.append(String.format("%nDNS  %s · TTL %d s · health check %s :%d %s every %d s, unhealthy after %d"
            + " → failover in ≤ %d s%n",
        routing.policy().displayName(), routing.ttl(), routing.healthCheck().protocol(), routing.healthCheck().port(),
        routing.healthCheck().path(), routing.healthCheck().intervalSeconds(), routing.healthCheck().failureThreshold(),
        routing.failoverSeconds()));
    Table records = new Table();
    for (RecordGroup group : RecordGroup.of(routing.records())) {
      RecordSet r = group.first();
      String rule = group.countries().size() > 1
          ? "countries " + String.join(" ", group.countries()) + " (" + group.countries().size() + ")"
          : RoutingRules.describe(r.rule());
      records.row(r.name(), "→ " + r.site() + r.aliasTarget().map(t -> " (alias " + t + ")").orElse(""),
          r.healthChecked() ? "health-checked" : r.isAlias() ? "alias target's health" : "no health check on the record",
          rule);
    }
    out.append(records.render("  "));

    out.append("\nDATA FLOWS\n");
    Table flows = new Table();
    for (DataFlow f : topology.flows()) {
      flows.row(f.dataClass().specName(), f.kind().description(),
          String.format("%s (%s) → %s (%s)", f.from(), f.fromJurisdiction(), f.to(), f.toJurisdiction()),
          border(f, topology.deployment().residency()));
    }
    out.append(flows.render("  "));

    out.append('\n').append(residency(topology)).append('\n');

    Cost cost = topology.cost();
    out.append(String.format("%nCOST  %s – %s per hour on demand%n", Money.usd(cost.minUsdPerHour()), Money.usd(cost.maxUsdPerHour())));
    Table lines = new Table();
    for (Cost.Line line : cost.lines()) {
      lines.row(line.site(), line.what(), String.format("%s × %s", line.instanceType(), range(line.min(), line.max())),
          "@ " + Money.usd(line.usdPerHour()),
          Money.usd(line.usdPerHour().multiply(java.math.BigDecimal.valueOf(line.min()))) + " – "
              + Money.usd(line.usdPerHour().multiply(java.math.BigDecimal.valueOf(line.max()))));
    }
    out.append(lines.render("  "));
    return out.toString();
  }

  private static String residency(Topology topology) {
    Residency residency = topology.deployment().residency();
    if (residency.mode() == Residency.Mode.NONE) {
      return "RESIDENCY  none · not checked";
    }
    List<DataFlow> crossing = topology.flows().stream()
        .filter(f -> f.dataClass() == DataClass.USER && f.crossesBorder())
        .toList();
    if (crossing.isEmpty()) {
      return "RESIDENCY  strict · no user data crosses a border";
    }
    String pairs = crossing.stream()
        .map(f -> f.fromJurisdiction() + " → " + f.toJurisdiction())
        .distinct()
        .collect(Collectors.joining(", "));
    long refused = crossing.stream().filter(f -> !f.allowed()).count();
    return refused == 0
        ? String.format("RESIDENCY  strict · %d user-data flows cross a border, all allowed (%s)", crossing.size(), pairs)
        : String.format("RESIDENCY  strict · %d of %d border-crossing user-data flows are NOT allowed (%s)",
            refused, crossing.size(), pairs);
  }

  private static String border(DataFlow flow, Residency residency) {
    if (!flow.crossesBorder() || flow.dataClass() != DataClass.USER) {
      return "";
    }
    if (residency.mode() == Residency.Mode.NONE) {
      return "crosses a border";
    }
    return flow.allowed() ? "crosses a border: allowed" : "crosses a border: NOT ALLOWED";
  }

  private static String placement(Site site) {
    if (site.placement() instanceof Placement.Dedicated d) {
      return "dedicated " + String.join(", ", d.endpoints())
          + (d.gpuDescription().isEmpty() ? "" : " (" + d.gpuDescription() + ")");
    }
    return "aws " + site.awsRegion().orElseThrow();
  }

  private static String capacity(Site site) {
    StringBuilder s = new StringBuilder();
    site.fleet().ifPresent(g -> s.append(g.instanceType()).append(" × ").append(range(g.min(), g.max()))
        .append(g.min() == 0 ? " (pilot light)" : ""));
    site.vectorStore().ifPresent(v -> s.append(s.isEmpty() ? "" : "  ")
        .append("qdrant ").append(v.nodes()).append(" × ").append(v.instanceType()));
    return s.toString();
  }

  private static String range(int min, int max) {
    return min == max ? Integer.toString(min) : min + ".." + max;
  }
}
