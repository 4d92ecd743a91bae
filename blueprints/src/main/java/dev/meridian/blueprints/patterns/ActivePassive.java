package dev.meridian.blueprints.patterns;

import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Active-passive: the primary serves every user; DNS fails over to a standby when the primary's
 * health check fails (failover records PRIMARY / SECONDARY). Several standbys form a chain, in
 * spec order: the SECONDARY of the record is an alias to {@code failover-2.<record>}, whose
 * PRIMARY is standby 1 and whose SECONDARY is standby 2 (or the alias to {@code failover-3.…}).
 * A standby is warm with a minimum of one instance or more, pilot light with zero
 * ({@link Site#pilotLight()}: taking over then includes scaling up). Standbys receive the
 * primary's artifacts and vector snapshots; eval results (with an {@code eval} block) go to the
 * primary.
 */
public final class ActivePassive implements Pattern {

  private final Catalog catalog;

  /** The pattern reading prices and jurisdictions from that catalog. */
  public ActivePassive(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Topology plan(Deployment deployment) {
    TopologyDraft draft = new TopologyDraft(deployment, catalog, TopologyDraft::runsInference);
    Site primary = draft.only(Role.PRIMARY);
    List<Site> standbys = draft.sites(Role.STANDBY);
    standbys.forEach(s -> draft.flow(FlowKind.FAILOVER_TRAFFIC, primary, s, DataClass.USER));
    draft.copyVectorSnapshots(primary, standbys);
    draft.replicateArtifacts(primary, standbys);
    draft.collectEvalResults(standbys, primary);
    return draft.finish(RoutingPolicy.FAILOVER, records(deployment.dns().record(), primary, standbys));
  }

  private static List<RecordSet> records(String record, Site primary, List<Site> standbys) {
    List<RecordSet> records = new ArrayList<>();
    String name = record;
    records.add(failover(name, primary, RoutingRule.Failover.Role.PRIMARY));
    for (int i = 0; i < standbys.size(); i++) {
      Site standby = standbys.get(i);
      if (i == standbys.size() - 1) {
        records.add(failover(name, standby, RoutingRule.Failover.Role.SECONDARY));
      } else {
        String next = "failover-" + (i + 2) + "." + record;
        records.add(new RecordSet(name, standby.name() + "-secondary", standby.name(),
            new RoutingRule.Failover(RoutingRule.Failover.Role.SECONDARY), false, Optional.of(next)));
        name = next;
        records.add(failover(name, standby, RoutingRule.Failover.Role.PRIMARY));
      }
    }
    return records;
  }

  private static RecordSet failover(String name, Site site, RoutingRule.Failover.Role role) {
    String id = site.name() + "-" + role.name().toLowerCase(java.util.Locale.ROOT);
    return new RecordSet(name, id, site.name(), new RoutingRule.Failover(role), true);
  }
}
