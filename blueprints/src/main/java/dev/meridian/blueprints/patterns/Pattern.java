package dev.meridian.blueprints.patterns;

import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.PatternKind;

/**
 * A deployment pattern (DESIGN.md "The patterns"): turns a validated deployment into its
 * Topology — the sites, how DNS routes users to them, the data flows between them and the hourly
 * cost. One implementation per {@link PatternKind}; {@link #of(Deployment)} picks it.
 */
public sealed interface Pattern permits ActiveActive, ActivePassive, RegionalSharding, HubAndSpoke, SingleRegion {

  /** The Topology of a deployment of this pattern. */
  Topology plan(Deployment deployment);

  /** The pattern the deployment names, reading the built-in catalog. */
  static Pattern of(Deployment deployment) {
    return of(deployment.pattern(), Catalog.builtIn());
  }

  /** The pattern of that kind, reading the given catalog. */
  static Pattern of(PatternKind kind, Catalog catalog) {
    return switch (kind) {
      case ACTIVE_ACTIVE -> new ActiveActive(catalog);
      case ACTIVE_PASSIVE -> new ActivePassive(catalog);
      case REGIONAL_SHARDING -> new RegionalSharding(catalog);
      case HUB_AND_SPOKE -> new HubAndSpoke(catalog);
      case SINGLE_REGION -> new SingleRegion(catalog);
    };
  }
}
