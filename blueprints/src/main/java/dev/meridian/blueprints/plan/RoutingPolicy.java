package dev.meridian.blueprints.plan;

/** The Route 53 routing policies the patterns use. */
public enum RoutingPolicy {
  /** PRIMARY / SECONDARY records; the secondary answers when the primary is unhealthy. */
  FAILOVER,
  /** One record per AWS region; users get the lowest-latency healthy region. */
  LATENCY,
  /** Country / continent records, plus an explicit default record only if one is named. */
  GEOLOCATION,
  /** One record, one site. */
  SIMPLE;

  /** Lower-case name, as shown in plans and diffs. */
  public String displayName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
