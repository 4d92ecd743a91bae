package dev.meridian.blueprints.patterns;

import static dev.meridian.blueprints.patterns.ActivePassiveTest.flows;
import static dev.meridian.blueprints.plan.FlowKind.ARTIFACT_REPLICATION;
import static dev.meridian.blueprints.plan.FlowKind.EVAL_RESULTS;
import static dev.meridian.blueprints.plan.FlowKind.FAILOVER_TRAFFIC;
import static dev.meridian.blueprints.plan.FlowKind.VECTOR_SNAPSHOT_COPY;
import static dev.meridian.blueprints.spec.DataClass.ARTIFACT;
import static dev.meridian.blueprints.spec.DataClass.DERIVED;
import static dev.meridian.blueprints.spec.DataClass.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.blueprints.Deployments;
import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.Cost;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Role;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ActiveActiveTest {

  private static Deployments usEastAndWest() {
    return Deployments.of(PatternKind.ACTIVE_ACTIVE)
        .aws("east", "us-east-1", Role.ACTIVE)
        .aws("west", "us-west-2", Role.ACTIVE);
  }

  private static Topology plan(Deployments deployments) {
    return new ActiveActive(Catalog.builtIn()).plan(deployments.build());
  }

  @Test
  void everySiteGetsAHealthCheckedLatencyRecordForItsRegion() {
    Topology topology = plan(usEastAndWest());

    assertThat(topology.routing().policy()).isEqualTo(RoutingPolicy.LATENCY);
    assertThat(topology.routing().records()).containsExactly(
        new RecordSet("api.example.com", "east", "east", new RoutingRule.Latency("us-east-1"), true),
        new RecordSet("api.example.com", "west", "west", new RoutingRule.Latency("us-west-2"), true));
  }

  @Test
  void dedicatedSiteStandsInWithItsJurisdictionsHomeRegion() {
    Topology topology = plan(usEastAndWest().dedicated("colo", "UK", Role.ACTIVE, "203.0.113.10"));

    assertThat(topology.routing().records()).last()
        .isEqualTo(new RecordSet("api.example.com", "colo", "colo", new RoutingRule.Latency("eu-west-2"), true));
  }

  @Test
  void dedicatedSiteInAJurisdictionWithoutAwsRegionGetsNoRecordAndAWarning() {
    Topology topology = plan(usEastAndWest().dedicated("oslo", "NO", Role.ACTIVE, "203.0.113.10"));

    assertThat(topology.routing().records()).extracting(RecordSet::site).containsExactly("east", "west");
    assertThat(topology.warnings()).extracting(p -> p.render()).containsExactly(
        "specs/chat.jsonnet: warning: regions[2].dedicated.jurisdiction: site \"oslo\" is in NO, which has no AWS"
            + " region to stand for it in a latency record; it gets no traffic (place it in a jurisdiction with an"
            + " AWS region)");
  }

  @Test
  void usersFailOverFromEverySiteToEveryOther() {
    Topology topology = plan(usEastAndWest().aws("frankfurt", "eu-central-1", Role.ACTIVE));

    assertThat(flows(topology, FAILOVER_TRAFFIC)).containsExactly(
        new DataFlow(FAILOVER_TRAFFIC, "east", "west", USER, "US", "US", true),
        new DataFlow(FAILOVER_TRAFFIC, "east", "frankfurt", USER, "US", "EU", false),
        new DataFlow(FAILOVER_TRAFFIC, "west", "east", USER, "US", "US", true),
        new DataFlow(FAILOVER_TRAFFIC, "west", "frankfurt", USER, "US", "EU", false),
        new DataFlow(FAILOVER_TRAFFIC, "frankfurt", "east", USER, "EU", "US", false),
        new DataFlow(FAILOVER_TRAFFIC, "frankfurt", "west", USER, "EU", "US", false));
  }

  @Test
  void vectorSnapshotsAreCopiedBetweenSitesAsTheirContentsClass() {
    Topology topology = plan(usEastAndWest().vectorStore(ARTIFACT));

    assertThat(flows(topology, VECTOR_SNAPSHOT_COPY)).containsExactly(
        new DataFlow(VECTOR_SNAPSHOT_COPY, "east", "west", ARTIFACT, "US", "US", true),
        new DataFlow(VECTOR_SNAPSHOT_COPY, "west", "east", ARTIFACT, "US", "US", true));
  }

  @Test
  void artifactsReplicateFromTheFirstSiteAndEvalResultsReturnToIt() {
    Topology topology = plan(usEastAndWest().eval());

    assertThat(flows(topology, ARTIFACT_REPLICATION))
        .containsExactly(new DataFlow(ARTIFACT_REPLICATION, "east", "west", ARTIFACT, "US", "US", true));
    assertThat(flows(topology, EVAL_RESULTS))
        .containsExactly(new DataFlow(EVAL_RESULTS, "west", "east", DERIVED, "US", "US", true));
  }

  @Test
  void everySiteRunsTheVectorStore() {
    Topology topology = plan(usEastAndWest().vectorStore(USER));

    assertThat(topology.sites()).allSatisfy(s -> assertThat(s.vectorStore()).isPresent());
  }

  @Test
  void costPricesEveryFleetInItsRegion() {
    Cost cost = plan(usEastAndWest()).cost();

    assertThat(cost.lines()).containsExactly(
        new Cost.Line("east", "gpu fleet", "g6.xlarge", 1, 4, new BigDecimal("0.8048")),
        new Cost.Line("west", "gpu fleet", "g6.xlarge", 1, 4, new BigDecimal("0.8048")));
    assertThat(cost.minUsdPerHour()).isEqualByComparingTo("1.6096");
    assertThat(cost.maxUsdPerHour()).isEqualByComparingTo("6.4384");
  }
}
