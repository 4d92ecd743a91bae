package dev.meridian.blueprints.plan;

import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The failure simulation behind {@code meridian plan --fail SITE…}: takes sites out of service
 * and follows Route 53's rules to see where each group of users goes.
 *
 * <ul>
 *   <li>failover: everyone goes down the PRIMARY / SECONDARY chain to the first healthy site;</li>
 *   <li>latency: the users nearest a failed site go to the nearest healthy one, "nearest" being
 *       the great-circle distance between the records' regions in the catalog;</li>
 *   <li>geolocation: a failed record's users go to the next larger area's record (continent,
 *       then default) whose site is healthy;</li>
 *   <li>simple: DNS does not move; the gateway sends prompts to the hosted-API fallback if the
 *       spec has one.</li>
 * </ul>
 * Users with no healthy record are unserved (Route 53 may still answer with an unhealthy record,
 * which serves nobody).
 */
public final class WhatIf {

  private static final double EARTH_RADIUS_KM = 6371.0;

  private final Topology topology;
  private final Catalog catalog;
  private final Set<String> failed;

  private WhatIf(Topology topology, Catalog catalog, Set<String> failed) {
    this.topology = topology;
    this.catalog = catalog;
    this.failed = failed;
  }

  /** The outcome of the failed sites going down, with the built-in catalog. */
  public static FailureReport simulate(Topology topology, Set<String> failedSites) {
    return simulate(topology, failedSites, Catalog.builtIn());
  }

  /** The outcome of the failed sites going down, with the given catalog's coordinates. */
  public static FailureReport simulate(Topology topology, Set<String> failedSites, Catalog catalog) {
    List<String> names = topology.sites().stream().map(Site::name).toList();
    List<Problem> unknown = failedSites.stream().filter(s -> !names.contains(s)).sorted()
        .map(s -> new Problem(topology.deployment().source().display(), Optional.empty(), "--fail",
            "no site named \"" + s + "\" (the sites are " + String.join(", ", names) + ")", Problem.Severity.ERROR))
        .toList();
    if (!unknown.isEmpty()) {
      return new FailureReport.Rejected(unknown);
    }
    return new WhatIf(topology, catalog, Set.copyOf(failedSites)).report();
  }

  private FailureReport report() {
    Routing routing = topology.routing();
    List<UserGroupOutcome> groups = switch (routing.policy()) {
      case FAILOVER -> List.of(failoverGroup(routing.record()));
      case LATENCY -> latencyGroups();
      case GEOLOCATION -> geolocationGroups();
      case SIMPLE -> simpleGroups();
    };
    List<DataFlow> rerouted = groups.stream().filter(g -> g.affected() && !g.unserved())
        .map(this::reroutedFlow).collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
    boolean dnsMoved = rerouted.stream().anyMatch(f -> f.kind() == FlowKind.FAILOVER_TRAFFIC);
    Set<String> routed = routing.records().stream().filter(r -> !r.isAlias()).map(RecordSet::site)
        .collect(Collectors.toSet());
    Set<String> receiving = rerouted.stream().map(DataFlow::to).collect(Collectors.toSet());
    return new FailureReport.Simulated(
        inSpecOrder(failed::contains),
        groups,
        inSpecOrder(s -> failed.contains(s) && routed.contains(s)),
        dnsMoved ? routing.failoverSeconds() : 0,
        topology.sites().stream().filter(s -> s.pilotLight() && receiving.contains(s.name())).map(Site::name).toList(),
        rerouted,
        capacity(s -> true),
        capacity(s -> !failed.contains(s.name())));
  }

  private boolean healthy(String site) {
    return !failed.contains(site);
  }

  private UserGroupOutcome failoverGroup(String name) {
    List<String> chain = failoverChain(name);
    return new UserGroupOutcome("everyone", chain.get(0), chain.stream().filter(this::healthy).findFirst());
  }

  /** The sites a failover record name answers with, in the order Route 53 tries them. */
  private List<String> failoverChain(String name) {
    List<String> chain = new ArrayList<>();
    topology.routing().records().stream()
        .filter(r -> r.name().equals(name))
        .sorted(Comparator.comparing(r -> ((RoutingRule.Failover) r.rule()).role()))
        .forEach(r -> r.aliasTarget().ifPresentOrElse(alias -> chain.addAll(failoverChain(alias)),
            () -> chain.add(r.site())));
    return chain;
  }

  private List<UserGroupOutcome> latencyGroups() {
    List<RecordSet> records = topology.routing().records();
    return records.stream().map(r -> new UserGroupOutcome("nearest " + r.site(), r.site(),
            healthy(r.site())
                ? Optional.of(r.site())
                : records.stream().filter(other -> healthy(other.site()))
                    .min(Comparator.comparingDouble(other -> distanceKm(latencyRegion(r), latencyRegion(other))))
                    .map(RecordSet::site)))
        .toList();
  }

  private static String latencyRegion(RecordSet record) {
    return ((RoutingRule.Latency) record.rule()).awsRegion();
  }

  private double distanceKm(String fromRegion, String toRegion) {
    Catalog.AwsRegion a = coordinates(fromRegion);
    Catalog.AwsRegion b = coordinates(toRegion);
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
  }

  private Catalog.AwsRegion coordinates(String region) {
    return catalog.region(region).orElseThrow(() -> new IllegalArgumentException(
        "routing: latency record region \"" + region + "\" is not in the catalog"));
  }

  private List<UserGroupOutcome> geolocationGroups() {
    List<RecordSet> records = topology.routing().records();
    return records.stream().map(r -> {
      GeoTarget target = geoTarget(r);
      Optional<String> now = healthy(r.site())
          ? Optional.of(r.site())
          : target.largerAreas(catalog).stream()
              .flatMap(area -> records.stream().filter(other -> geoTarget(other).equals(area)))
              .map(RecordSet::site).filter(this::healthy).findFirst();
      return new UserGroupOutcome(users(target), r.site(), now);
    }).toList();
  }

  private static GeoTarget geoTarget(RecordSet record) {
    return ((RoutingRule.Geolocation) record.rule()).target();
  }

  private static String users(GeoTarget target) {
    if (target instanceof GeoTarget.Country country) {
      return country.code();
    }
    if (target instanceof GeoTarget.Continent continent) {
      return "continent " + continent.code();
    }
    return "default";
  }

  private List<UserGroupOutcome> simpleGroups() {
    return topology.routing().records().stream().map(r -> new UserGroupOutcome("everyone", r.site(),
            healthy(r.site()) ? Optional.of(r.site()) : hostedFallback(r.site()).map(DataFlow::to)))
        .toList();
  }

  private Optional<DataFlow> hostedFallback(String site) {
    return topology.flows().stream()
        .filter(f -> f.kind() == FlowKind.HOSTED_API_FALLBACK && f.from().equals(site))
        .findFirst();
  }

  /** The flow a moved group starts: the Topology's own flow, so verdicts stay the same. */
  private DataFlow reroutedFlow(UserGroupOutcome group) {
    String to = group.nowServedBy().orElseThrow();
    if (topology.site(to).isEmpty()) {
      return hostedFallback(group.servedBy()).orElseThrow();
    }
    return topology.flows().stream()
        .filter(f -> f.kind() == FlowKind.FAILOVER_TRAFFIC && f.from().equals(group.servedBy()) && f.to().equals(to))
        .findFirst()
        .orElseGet(() -> failoverFlow(group.servedBy(), to));
  }

  private DataFlow failoverFlow(String from, String to) {
    String fromJurisdiction = topology.site(from).orElseThrow().jurisdiction();
    String toJurisdiction = topology.site(to).orElseThrow().jurisdiction();
    return new DataFlow(FlowKind.FAILOVER_TRAFFIC, from, to, DataClass.USER, fromJurisdiction, toJurisdiction,
        topology.deployment().residency().allows(fromJurisdiction, toJurisdiction));
  }

  private List<String> inSpecOrder(Predicate<String> include) {
    return topology.sites().stream().map(Site::name).filter(include).toList();
  }

  private int capacity(Predicate<Site> include) {
    return topology.sites().stream().filter(include).flatMap(s -> s.fleet().stream()).mapToInt(g -> g.max()).sum();
  }
}
