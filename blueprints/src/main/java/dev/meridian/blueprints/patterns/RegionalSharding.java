package dev.meridian.blueprints.patterns;

import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.GeoTarget;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Residency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Regional sharding: each site serves only the users its {@code serves} codes name, through one
 * health-checked geolocation record per code (a country, or a continent standing for its
 * countries minus those another record names — Route 53 picks the most specific match), plus a
 * default record only when {@code dns.defaultRegion} names a site (otherwise users of unlisted
 * countries get no answer).
 *
 * <p>Serving: a flow from the users of each jurisdiction a record reaches ({@code users:UK}) to
 * its site. Residency covers the jurisdictions the deployment touches — those of its sites and
 * those its {@code serves} codes reach; users of any other jurisdiction who reach the default
 * record are listed as a flow but are not a violation, since the deployment makes no residency
 * promise to them. Countries the catalog puts in no jurisdiction have no flow.
 *
 * <p>Failover: when a record's health check fails, Route 53 answers with the next larger area's
 * record (a country's continent, then the default) or with nothing; each such possible move is a
 * failover flow of users' traffic between the two sites. Artifacts replicate from the first AWS
 * site to the others and eval results (with an {@code eval} block) are collected there; vector
 * stores stay in their shard.
 */
public final class RegionalSharding implements Pattern {

  private final Catalog catalog;

  /** The pattern reading jurisdictions, countries, continents and prices from that catalog. */
  public RegionalSharding(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Topology plan(Deployment deployment) {
    TopologyDraft draft = new TopologyDraft(deployment, catalog, TopologyDraft::runsInference);
    List<RecordSet> records = new ArrayList<>();
    for (Site site : draft.sites()) {
      site.serves().forEach(code -> records.add(draft.route(site.name() + "-" + code.toLowerCase(Locale.ROOT),
          site, new RoutingRule.Geolocation(target(code)))));
    }
    Optional<Site> defaultSite = deployment.dns().defaultRegion().map(draft::site);
    defaultSite.ifPresent(s -> records.add(draft.route(s.name() + "-default", s,
        new RoutingRule.Geolocation(new GeoTarget.Default()))));

    serveUsers(draft, deployment.residency(), records, defaultSite);
    failoverToLargerAreas(draft, records);
    draft.firstAws().ifPresent(first -> {
      draft.replicateArtifacts(first, draft.sites());
      draft.collectEvalResults(draft.sites(), first);
    });
    return draft.finish(RoutingPolicy.GEOLOCATION, records);
  }

  /**
   * Serving flows: the users of each jurisdiction a site's codes reach, then the users of every
   * country no record matches to the default site (a violation only for covered jurisdictions).
   */
  private void serveUsers(TopologyDraft draft, Residency residency, List<RecordSet> records,
      Optional<Site> defaultSite) {
    Set<String> namedCountries = records.stream().map(RegionalSharding::target)
        .filter(GeoTarget.Country.class::isInstance).map(t -> ((GeoTarget.Country) t).code())
        .collect(Collectors.toSet());
    Set<String> covered = new TreeSet<>();
    draft.sites().forEach(s -> covered.add(s.jurisdiction()));
    for (Site site : draft.sites()) {
      SortedSet<String> users = jurisdictions(site.serves().stream()
          .flatMap(code -> reachedCountries(code, namedCountries).stream()).toList());
      covered.addAll(users);
      users.forEach(j -> draft.flow(FlowKind.GEO_SERVING, "users:" + j, j, site.name(), site.jurisdiction(),
          DataClass.USER));
    }
    defaultSite.ifPresent(site -> jurisdictions(unmatchedCountries(records)).forEach(j -> draft.flow(new DataFlow(
        FlowKind.GEO_SERVING, "users:" + j, site.name(), DataClass.USER, j, site.jurisdiction(),
        !covered.contains(j) || residency.allows(j, site.jurisdiction())))));
  }

  private GeoTarget target(String code) {
    return catalog.isContinent(code) ? new GeoTarget.Continent(code) : new GeoTarget.Country(code);
  }

  private static GeoTarget target(RecordSet record) {
    return ((RoutingRule.Geolocation) record.rule()).target();
  }

  /** The countries whose users a served code routes to its site. */
  private Set<String> reachedCountries(String code, Set<String> namedCountries) {
    if (!catalog.isContinent(code)) {
      return Set.of(code);
    }
    return catalog.continents().get(code).stream().filter(c -> !namedCountries.contains(c))
        .collect(Collectors.toSet());
  }

  /** The countries no country or continent record matches: the default record's users. */
  private Set<String> unmatchedCountries(List<RecordSet> records) {
    Set<String> matched = new TreeSet<>();
    for (RecordSet record : records) {
      GeoTarget target = target(record);
      if (target instanceof GeoTarget.Country country) {
        matched.add(country.code());
      } else if (target instanceof GeoTarget.Continent continent) {
        matched.addAll(catalog.continents().get(continent.code()));
      }
    }
    return catalog.continents().values().stream().flatMap(Collection::stream)
        .filter(c -> !matched.contains(c)).collect(Collectors.toSet());
  }

  private SortedSet<String> jurisdictions(Collection<String> countries) {
    return countries.stream().map(catalog::jurisdictionOfCountry).flatMap(Optional::stream)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Failover flows from each record's site to the sites of the larger areas that take over. */
  private void failoverToLargerAreas(TopologyDraft draft, List<RecordSet> records) {
    Set<List<String>> moves = new LinkedHashSet<>();
    for (RecordSet record : records) {
      largerAreas(target(record), records).stream()
          .filter(larger -> !larger.site().equals(record.site()))
          .forEach(larger -> moves.add(List.of(record.site(), larger.site())));
    }
    moves.forEach(m -> draft.flow(FlowKind.FAILOVER_TRAFFIC, draft.site(m.get(0)), draft.site(m.get(1)),
        DataClass.USER));
  }

  /** The records Route 53 answers with, in order, when a record of that target is unhealthy. */
  private List<RecordSet> largerAreas(GeoTarget target, List<RecordSet> records) {
    return target.largerAreas(catalog).stream()
        .flatMap(area -> records.stream().filter(r -> target(r).equals(area)))
        .toList();
  }
}
