package dev.meridian.constructs.dns;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@code DnsFailover} builds, in either engine, checked as a whole: the zone (by id, or
 * by name where the engine allows it), the health check every site gets, the TTL of records
 * with addresses, the sites and the record sets.
 *
 * @param name        names the alarms (and, in Terraform, their {@code alarm_name}s); e.g. the deployment
 * @param zoneId      the hosted zone's id; needed by an alias to another name of the zone
 * @param zoneName    the hosted zone's name, used when no id is given (CloudFormation only)
 * @param ttl         seconds, for records answering with addresses; default 60
 * @param healthCheck the check of every site; default {@link HealthCheckSettings#defaults()}
 * @param sites       ≥ 1, unique names
 * @param records     the record sets; each names a site of {@code sites} or another record name
 */
public record DnsFailoverProps(
    String name, Optional<String> zoneId, Optional<String> zoneName, int ttl, HealthCheckSettings healthCheck,
    List<DnsSite> sites, List<DnsRecord> records) {

  /** The TTL of address records when none is given. */
  public static final int DEFAULT_TTL = 60;

  public DnsFailoverProps {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: missing; e.g. the deployment's name");
    }
    if (zoneId.isEmpty() && zoneName.isEmpty()) {
      throw new IllegalArgumentException("zoneId: missing; pass the hosted zone's id (in CloudFormation, its zoneName will do)");
    }
    if (ttl < 0) {
      throw new IllegalArgumentException("ttl: " + ttl + " must be 0 or more seconds");
    }
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("sites: empty; add at least one site");
    }
    sites = List.copyOf(sites);
    records = List.copyOf(records);
    checkSites(sites);
    checkRecords(sites, records, zoneId);
  }

  /** The name of a site's health alarm: {@code <name>-<site>-unhealthy}, in both engines. */
  public String alarmName(String site) {
    return alarmName(name, site);
  }

  /** The name of a site's health alarm in a {@code DnsFailover} named {@code name}. */
  public static String alarmName(String name, String site) {
    return name + "-" + site + "-unhealthy";
  }

  /** The site of this name. */
  public DnsSite site(String siteName) {
    return sites.stream().filter(s -> s.name().equals(siteName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no site named " + siteName));
  }

  private static void checkSites(List<DnsSite> sites) {
    Set<String> seen = new HashSet<>();
    for (DnsSite site : sites) {
      if (!seen.add(site.name())) {
        throw new IllegalArgumentException("sites: '" + site.name() + "' is added twice");
      }
    }
  }

  private static void checkRecords(List<DnsSite> sites, List<DnsRecord> records, Optional<String> zoneId) {
    Set<String> siteNames = sites.stream().map(DnsSite::name).collect(Collectors.toSet());
    Set<String> recordNames = records.stream().map(DnsRecord::name).collect(Collectors.toSet());
    Set<String> keys = new HashSet<>();
    Map<String, Class<?>> policyOfName = new HashMap<>();
    Map<String, Integer> countOfName = new HashMap<>();
    Set<String> failoverRoles = new HashSet<>();
    for (DnsRecord record : records) {
      if (!keys.add(record.key())) {
        throw new IllegalArgumentException("records: " + record.key() + " is added twice");
      }
      record.site().filter(site -> !siteNames.contains(site)).ifPresent(site -> {
        throw new IllegalArgumentException("records: " + record.key() + " names site '" + site + "', which is not among the sites "
            + siteNames.stream().sorted().toList());
      });
      record.aliasOf().filter(other -> !recordNames.contains(other)).ifPresent(other -> {
        throw new IllegalArgumentException("records: " + record.key() + " aliases '" + other + "', which no record has as its name");
      });
      if (record.aliasOf().isPresent() && zoneId.isEmpty()) {
        throw new IllegalArgumentException("records: " + record.key() + " aliases another name of the zone, which needs zoneId");
      }
      Class<?> policy = record.policy().getClass();
      boolean geolocation = isGeolocation(record.policy());
      Class<?> earlier = policyOfName.putIfAbsent(record.name(), geolocation ? RoutingPolicy.Country.class : policy);
      if (earlier != null && earlier != (geolocation ? RoutingPolicy.Country.class : policy)) {
        throw new IllegalArgumentException("records: " + record.key() + " mixes routing policies within the name " + record.name());
      }
      if (countOfName.merge(record.name(), 1, Integer::sum) > 1 && record.policy() instanceof RoutingPolicy.Simple) {
        throw new IllegalArgumentException("records: " + record.name() + " has a simple record and another; a simple record stands alone");
      }
      if (record.policy() instanceof RoutingPolicy.Failover failover && !failoverRoles.add(record.name() + " " + failover.role())) {
        throw new IllegalArgumentException("records: " + record.name() + " has two " + failover.role() + " failover records");
      }
    }
  }

  private static boolean isGeolocation(RoutingPolicy policy) {
    return policy instanceof RoutingPolicy.Country || policy instanceof RoutingPolicy.Continent
        || policy instanceof RoutingPolicy.AnyLocation;
  }
}
