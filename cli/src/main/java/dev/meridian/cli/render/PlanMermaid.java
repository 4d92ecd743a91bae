package dev.meridian.cli.render;

import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan as a Mermaid flowchart that GitHub renders: sites grouped by jurisdiction, the DNS
 * name with one edge per record set (dashed for standby records), and the data flows between
 * sites labelled with their kind and data class (user-data flows across a border drawn thick).
 */
public final class PlanMermaid {

  private PlanMermaid() {}

  /** Renders a Topology as a fenced {@code mermaid} block. */
  public static String render(Topology topology) {
    StringBuilder out = new StringBuilder("```mermaid\nflowchart LR\n");
    out.append("  users([\"users\"]) --> dns{{\"")
        .append(label(topology.routing().record() + "<br/>" + topology.routing().policy().displayName()))
        .append("\"}}\n");

    Map<String, List<Site>> byJurisdiction = new LinkedHashMap<>();
    for (Site site : topology.sites()) {
      byJurisdiction.computeIfAbsent(site.jurisdiction(), j -> new java.util.ArrayList<>()).add(site);
    }
    Set<String> nodes = new LinkedHashSet<>();
    byJurisdiction.forEach((jurisdiction, sites) -> {
      out.append("  subgraph j_").append(id(jurisdiction)).append("[\"").append(label(jurisdiction)).append("\"]\n");
      for (Site site : sites) {
        nodes.add(site.name());
        out.append("    ").append(node(site.name())).append("[\"").append(label(siteLabel(site))).append("\"]\n");
      }
      out.append("  end\n");
    });

    for (RecordSet r : topology.routing().records()) {
      boolean standby = r.rule() instanceof RoutingRule.Failover f && f.role() == RoutingRule.Failover.Role.SECONDARY;
      out.append("  dns ").append(standby ? "-. \"" : "-- \"").append(label(RoutingRules.describe(r.rule())))
          .append(standby ? "\" .-> " : "\" --> ").append(node(r.site())).append('\n');
    }

    for (DataFlow flow : topology.flows()) {
      if (flow.kind() == FlowKind.FAILOVER_TRAFFIC || flow.kind() == FlowKind.GEO_SERVING) {
        continue; // drawn as DNS edges
      }
      for (String end : List.of(flow.from(), flow.to())) {
        if (nodes.add(end)) {
          out.append("  ").append(node(end)).append("[(\"").append(label(end)).append("\")]\n");
        }
      }
      boolean crossing = flow.crossesBorder() && flow.dataClass() == dev.meridian.blueprints.spec.DataClass.USER;
      out.append("  ").append(node(flow.from())).append(crossing ? " == \"" : " -. \"")
          .append(label(flow.kind().description() + " (" + flow.dataClass().specName() + ")"))
          .append(crossing ? "\" ==> " : "\" .-> ").append(node(flow.to())).append('\n');
    }
    return out.append("```\n").toString();
  }

  private static String siteLabel(Site site) {
    StringBuilder s = new StringBuilder(site.name()).append(" · ").append(site.role().specName()).append("<br/>");
    if (site.placement() instanceof Placement.Dedicated d) {
      s.append("dedicated ").append(String.join(", ", d.endpoints()));
    } else {
      s.append(site.awsRegion().orElseThrow());
    }
    site.fleet().ifPresent(g -> s.append("<br/>").append(g.instanceType()).append(" × ").append(g.min()).append("..").append(g.max()));
    return s.toString();
  }

  private static String node(String name) {
    return "s_" + id(name);
  }

  private static String id(String text) {
    return text.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static String label(String text) {
    return text.replace("\"", "#quot;");
  }
}
