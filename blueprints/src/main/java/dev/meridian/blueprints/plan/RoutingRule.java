package dev.meridian.blueprints.plan;

/** What makes Route 53 pick one record set of a name. One variant per routing policy. */
public sealed interface RoutingRule {

  /** The policy this rule belongs to. */
  RoutingPolicy policy();

  /** A failover record: PRIMARY answers while healthy, SECONDARY otherwise. */
  record Failover(Role role) implements RoutingRule {
    public RoutingPolicy policy() {
      return RoutingPolicy.FAILOVER;
    }

    /** Route 53 failover roles. */
    public enum Role { PRIMARY, SECONDARY }
  }

  /** A latency record for an AWS region (a dedicated site uses its jurisdiction's home region). */
  record Latency(String awsRegion) implements RoutingRule {
    public RoutingPolicy policy() {
      return RoutingPolicy.LATENCY;
    }
  }

  /** A geolocation record: a country, a continent, or the default for everyone else. */
  record Geolocation(GeoTarget target) implements RoutingRule {
    public RoutingPolicy policy() {
      return RoutingPolicy.GEOLOCATION;
    }
  }

  /** A plain record. */
  record Simple() implements RoutingRule {
    public RoutingPolicy policy() {
      return RoutingPolicy.SIMPLE;
    }
  }
}
