package dev.meridian.blueprints.plan;

import dev.meridian.blueprints.spec.HealthCheck;
import java.util.List;

/**
 * How DNS sends users to sites: one record name, a routing policy, and one record set per
 * routed site, each guarded by the site's health check.
 *
 * @param policy      the routing policy shared by every record set
 * @param zone        hosted zone name
 * @param record      the name users call
 * @param ttl         TTL in seconds
 * @param healthCheck the check run against every routed site
 * @param records     the record sets, in a stable order
 */
public record Routing(
    RoutingPolicy policy, String zone, String record, int ttl, HealthCheck healthCheck, List<RecordSet> records) {

  public Routing {
    records = List.copyOf(records);
  }

  /** Seconds from an outage to resolvers seeing the change: interval × threshold + TTL. */
  public int failoverSeconds() {
    return healthCheck.secondsToUnhealthy() + ttl;
  }
}
