package dev.meridian.blueprints.patterns;

import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Deployment;
import java.util.List;

/**
 * Active-active: every site serves users with the full stack. DNS answers with the
 * lowest-latency healthy site (one health-checked latency record per site; a dedicated server
 * stands in with its jurisdiction's home region), so a failed site's users move to the
 * next-nearest one: users' traffic may fail over from every site to every other. Vector store
 * snapshots are copied between all sites; artifacts replicate from the first AWS site to the
 * others, and eval results (when the spec has an {@code eval} block) are collected there.
 */
public final class ActiveActive implements Pattern {

  private final Catalog catalog;

  /** The pattern reading prices, jurisdictions and home regions from that catalog. */
  public ActiveActive(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Topology plan(Deployment deployment) {
    TopologyDraft draft = new TopologyDraft(deployment, catalog, TopologyDraft::runsInference);
    List<RecordSet> records = draft.sites().stream().flatMap(s -> draft.latencyRecord(s).stream()).toList();
    List<Site> routed = records.stream().map(r -> draft.site(r.site())).toList();
    draft.failoverBetweenEveryPair(routed);
    draft.copyVectorSnapshotsBetweenEveryPair();
    draft.firstAws().ifPresent(first -> {
      draft.replicateArtifacts(first, draft.sites());
      draft.collectEvalResults(draft.sites(), first);
    });
    return draft.finish(RoutingPolicy.LATENCY, records);
  }
}
