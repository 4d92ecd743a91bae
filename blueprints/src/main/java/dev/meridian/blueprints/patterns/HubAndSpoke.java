package dev.meridian.blueprints.patterns;

import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Region;
import dev.meridian.blueprints.spec.Role;
import java.util.List;

/**
 * Hub-and-spoke: spokes serve users, the hub trains and evaluates and serves nobody. DNS has one
 * health-checked latency record per spoke, so users' traffic fails over between spokes. Models
 * flow hub → spokes; eval results (with an {@code eval} block) flow spokes → hub. Each spoke has
 * the vector store; the hub has one only when the indexed content is {@code artifact}: it builds
 * that index and ships snapshots to the spokes (an index of user content stays in the spokes and
 * is never copied).
 */
public final class HubAndSpoke implements Pattern {

  private final Catalog catalog;

  /** The pattern reading prices, jurisdictions and home regions from that catalog. */
  public HubAndSpoke(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Topology plan(Deployment deployment) {
    boolean artifactIndex = deployment.vectorStore().map(v -> v.content() == DataClass.ARTIFACT).orElse(false);
    TopologyDraft draft = new TopologyDraft(deployment, catalog,
        (Region r) -> r.role() != Role.HUB || artifactIndex);
    Site hub = draft.only(Role.HUB);
    List<Site> spokes = draft.sites(Role.SPOKE);
    List<RecordSet> records = spokes.stream().flatMap(s -> draft.latencyRecord(s).stream()).toList();
    draft.failoverBetweenEveryPair(records.stream().map(r -> draft.site(r.site())).toList());
    draft.copyVectorSnapshots(hub, spokes);
    draft.replicateArtifacts(hub, spokes);
    draft.collectEvalResults(spokes, hub);
    return draft.finish(RoutingPolicy.LATENCY, records);
  }
}
