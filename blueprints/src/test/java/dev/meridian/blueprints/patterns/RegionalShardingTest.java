package dev.meridian.blueprints.patterns;

import static dev.meridian.blueprints.patterns.ActivePassiveTest.flows;
import static dev.meridian.blueprints.plan.FlowKind.FAILOVER_TRAFFIC;
import static dev.meridian.blueprints.plan.FlowKind.GEO_SERVING;
import static dev.meridian.blueprints.plan.FlowKind.VECTOR_SNAPSHOT_COPY;
import static dev.meridian.blueprints.spec.DataClass.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meridian.blueprints.Deployments;
import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.Cost;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.GeoTarget;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionalShardingTest {

  /** GB in London, the rest of the European continent in Frankfurt, the US in Virginia. */
  private static Deployments ukEuUs() {
    return Deployments.of(PatternKind.REGIONAL_SHARDING)
        .aws("uk", "eu-west-2", Role.ACTIVE, "GB")
        .aws("eu", "eu-central-1", Role.ACTIVE, "EU")
        .aws("us", "us-east-1", Role.ACTIVE, "US");
  }

  private static Topology plan(Deployments deployments) {
    return new RegionalSharding(Catalog.builtIn()).plan(deployments.build());
  }

  private static RecordSet geo(String id, String site, GeoTarget target) {
    return new RecordSet("api.example.com", id, site, new RoutingRule.Geolocation(target), true);
  }

  @Test
  void everyServedCodeGetsAHealthCheckedCountryOrContinentRecord() {
    Topology topology = plan(ukEuUs());

    assertThat(topology.routing().policy()).isEqualTo(RoutingPolicy.GEOLOCATION);
    assertThat(topology.routing().records()).containsExactly(
        geo("uk-gb", "uk", new GeoTarget.Country("GB")),
        geo("eu-eu", "eu", new GeoTarget.Continent("EU")),
        geo("us-us", "us", new GeoTarget.Country("US")));
  }

  @Test
  void defaultRecordOnlyWhenDefaultRegionNamesASite() {
    Topology topology = plan(ukEuUs().defaultRegion("us"));

    assertThat(topology.routing().records()).last().isEqualTo(geo("us-default", "us", new GeoTarget.Default()));
  }

  @Test
  void continentServesItsJurisdictionsExceptCountriesServedExplicitly() {
    assertThat(flows(plan(ukEuUs()), GEO_SERVING)).containsExactly(
        new DataFlow(GEO_SERVING, "users:UK", "uk", USER, "UK", "UK", true),
        new DataFlow(GEO_SERVING, "users:CH", "eu", USER, "CH", "EU", false),
        new DataFlow(GEO_SERVING, "users:EU", "eu", USER, "EU", "EU", true),
        new DataFlow(GEO_SERVING, "users:NO", "eu", USER, "NO", "EU", false),
        new DataFlow(GEO_SERVING, "users:US", "us", USER, "US", "US", true));
  }

  @Test
  void failedCountryRecordFallsBackToItsContinentsSite() {
    assertThat(flows(plan(ukEuUs()), FAILOVER_TRAFFIC))
        .containsExactly(new DataFlow(FAILOVER_TRAFFIC, "uk", "eu", USER, "UK", "EU", false));
  }

  @Test
  void everyRecordCanFallBackToTheDefaultSite() {
    assertThat(flows(plan(ukEuUs().defaultRegion("us")), FAILOVER_TRAFFIC)).containsExactly(
        new DataFlow(FAILOVER_TRAFFIC, "uk", "eu", USER, "UK", "EU", false),
        new DataFlow(FAILOVER_TRAFFIC, "uk", "us", USER, "UK", "US", false),
        new DataFlow(FAILOVER_TRAFFIC, "eu", "us", USER, "EU", "US", false));
  }

  @Test
  void defaultServesUncoveredJurisdictionsWithoutViolatingResidency() {
    List<DataFlow> toDefault = flows(plan(ukEuUs().defaultRegion("eu")), GEO_SERVING).stream()
        .filter(f -> f.from().equals("users:JP") || f.from().equals("users:CA"))
        .toList();

    assertThat(toDefault).containsExactly(
        new DataFlow(GEO_SERVING, "users:CA", "eu", USER, "CA", "EU", true),
        new DataFlow(GEO_SERVING, "users:JP", "eu", USER, "JP", "EU", true));
  }

  @Test
  void defaultServingCoveredJurisdictionsCountriesIsChecked() {
    List<DataFlow> usToDefault = flows(plan(ukEuUs().defaultRegion("eu")), GEO_SERVING).stream()
        .filter(f -> f.from().equals("users:US") && f.to().equals("eu"))
        .toList();

    assertThat(usToDefault).containsExactly(new DataFlow(GEO_SERVING, "users:US", "eu", USER, "US", "EU", false));
  }

  @Test
  void shardsCopyNoVectorSnapshots() {
    assertThat(flows(plan(ukEuUs().vectorStore(USER)), VECTOR_SNAPSHOT_COPY)).isEmpty();
  }

  @Test
  void costUsesEachShardsOwnCapacity() {
    Cost cost = plan(ukEuUs().capacity("eu", 2, 8)).cost();

    assertThat(cost.lines()).extracting(Cost.Line::site, Cost.Line::min, Cost.Line::max)
        .containsExactly(tuple("uk", 1, 4), tuple("eu", 2, 8), tuple("us", 1, 4));
    assertThat(cost.minUsdPerHour()).isEqualByComparingTo("3.7594");
    assertThat(cost.maxUsdPerHour()).isEqualByComparingTo("15.0376");
  }
}
