package dev.meridian.stacks;

import dev.meridian.blueprints.plan.GeoTarget;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.HealthCheck;
import dev.meridian.constructs.dns.DnsRecord;
import dev.meridian.constructs.dns.HealthCheckSettings;
import dev.meridian.constructs.dns.RoutingPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The Topology's routing in the terms of the {@code DnsFailover} constructs, the same for both
 * engines: which sites DNS checks, the health check, and the record sets.
 */
public final class DnsRouting {

  private DnsRouting() {}

  /** The sites with a health check and a host name: every site a record answers with, and every AWS site. */
  public static List<Site> checkedSites(Topology topology) {
    return topology.sites().stream()
        .filter(site -> site.isAws() || topology.routing().records().stream()
            .anyMatch(r -> r.site().equals(site.name()) && !r.isAlias()))
        .toList();
  }

  /** The spec's health check. */
  public static HealthCheckSettings healthCheck(Topology topology) {
    HealthCheck check = topology.routing().healthCheck();
    return new HealthCheckSettings(HealthCheckSettings.Protocol.valueOf(check.protocol().name()), check.port(), check.path(),
        check.intervalSeconds(), check.failureThreshold(), Optional.empty());
  }

  /** The Topology's record sets. */
  public static List<DnsRecord> records(Topology topology) {
    return topology.routing().records().stream().map(DnsRouting::record).toList();
  }

  private static DnsRecord record(RecordSet set) {
    RoutingPolicy policy = policy(set.rule());
    String setIdentifier = policy instanceof RoutingPolicy.Simple ? null : set.setIdentifier();
    return set.aliasTarget()
        .map(other -> DnsRecord.aliasOf(set.name(), setIdentifier, policy, other))
        .orElseGet(() -> DnsRecord.toSite(set.name(), setIdentifier, policy, set.site(), set.healthChecked()));
  }

  private static RoutingPolicy policy(RoutingRule rule) {
    if (rule instanceof RoutingRule.Failover failover) {
      return failover.role() == RoutingRule.Failover.Role.PRIMARY ? RoutingPolicy.primary() : RoutingPolicy.secondary();
    }
    if (rule instanceof RoutingRule.Latency latency) {
      return RoutingPolicy.latency(latency.awsRegion());
    }
    if (rule instanceof RoutingRule.Geolocation geolocation) {
      GeoTarget target = geolocation.target();
      if (target instanceof GeoTarget.Country country) {
        return RoutingPolicy.country(country.code());
      }
      if (target instanceof GeoTarget.Continent continent) {
        return RoutingPolicy.continent(continent.code());
      }
      return RoutingPolicy.anyLocation();
    }
    return RoutingPolicy.simple();
  }
}
