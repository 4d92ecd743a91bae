package dev.meridian.blueprints.patterns;

import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Role;
import java.util.List;

/**
 * Single-region with a hosted-API fallback: one site behind a simple record. Its health check
 * exists for alarms, but a simple record cannot carry one, so DNS never moves; when the fleet is
 * down the gateway sends prompts to the {@code fallback} provider, whose region must satisfy
 * residency (a hosted-API fallback flow from the site to {@code <provider>:<region>}). The
 * provider's jurisdiction is its AWS region's for {@code bedrock}; other providers may give an AWS
 * region too (where they host) or a jurisdiction code such as {@code EU}; anything else is an
 * unknown jurisdiction, warned about, that only {@code residency.mode: none} lets through.
 */
public final class SingleRegion implements Pattern {

  private final Catalog catalog;

  /** The pattern reading prices and jurisdictions from that catalog. */
  public SingleRegion(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Topology plan(Deployment deployment) {
    TopologyDraft draft = new TopologyDraft(deployment, catalog, TopologyDraft::runsInference);
    Site site = draft.only(Role.PRIMARY);
    RecordSet record = new RecordSet(deployment.dns().record(), site.name(), site.name(), new RoutingRule.Simple(), false);
    return draft.finish(RoutingPolicy.SIMPLE, List.of(record));
  }
}
