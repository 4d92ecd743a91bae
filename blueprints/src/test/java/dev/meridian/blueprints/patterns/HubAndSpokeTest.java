package dev.meridian.blueprints.patterns;

import static dev.meridian.blueprints.patterns.ActivePassiveTest.flows;
import static dev.meridian.blueprints.plan.FlowKind.ARTIFACT_REPLICATION;
import static dev.meridian.blueprints.plan.FlowKind.EVAL_RESULTS;
import static dev.meridian.blueprints.plan.FlowKind.FAILOVER_TRAFFIC;
import static dev.meridian.blueprints.plan.FlowKind.LOG_AGGREGATION;
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

class HubAndSpokeTest {

  private static Deployments hubWithTwoSpokes() {
    return Deployments.of(PatternKind.HUB_AND_SPOKE)
        .aws("hub", "us-east-1", Role.HUB)
        .aws("london", "eu-west-2", Role.SPOKE)
        .aws("frankfurt", "eu-central-1", Role.SPOKE);
  }

  private static Topology plan(Deployments deployments) {
    return new HubAndSpoke(Catalog.builtIn()).plan(deployments.build());
  }

  @Test
  void onlySpokesGetLatencyRecords() {
    Topology topology = plan(hubWithTwoSpokes());

    assertThat(topology.routing().policy()).isEqualTo(RoutingPolicy.LATENCY);
    assertThat(topology.routing().records()).containsExactly(
        new RecordSet("api.example.com", "london", "london", new RoutingRule.Latency("eu-west-2"), true),
        new RecordSet("api.example.com", "frankfurt", "frankfurt", new RoutingRule.Latency("eu-central-1"), true));
  }

  @Test
  void usersFailOverBetweenSpokesOnly() {
    assertThat(flows(plan(hubWithTwoSpokes()), FAILOVER_TRAFFIC)).containsExactly(
        new DataFlow(FAILOVER_TRAFFIC, "london", "frankfurt", USER, "UK", "EU", false),
        new DataFlow(FAILOVER_TRAFFIC, "frankfurt", "london", USER, "EU", "UK", false));
  }

  @Test
  void modelsFlowFromHubToSpokesAndEvalResultsBack() {
    Topology topology = plan(hubWithTwoSpokes().eval());

    assertThat(flows(topology, ARTIFACT_REPLICATION)).containsExactly(
        new DataFlow(ARTIFACT_REPLICATION, "hub", "london", ARTIFACT, "US", "UK", true),
        new DataFlow(ARTIFACT_REPLICATION, "hub", "frankfurt", ARTIFACT, "US", "EU", true));
    assertThat(flows(topology, EVAL_RESULTS)).containsExactly(
        new DataFlow(EVAL_RESULTS, "london", "hub", DERIVED, "UK", "US", true),
        new DataFlow(EVAL_RESULTS, "frankfurt", "hub", DERIVED, "EU", "US", true));
  }

  @Test
  void hubShipsNoLogsButArchivesThoseOfSpokesInItsJurisdiction() {
    Topology topology = plan(hubWithTwoSpokes().aws("ohio", "us-east-2", Role.SPOKE));

    assertThat(flows(topology, LOG_AGGREGATION))
        .containsExactly(new DataFlow(LOG_AGGREGATION, "ohio", "hub", USER, "US", "US", true));
  }

  @Test
  void userContentIndexStaysInTheSpokes() {
    Topology topology = plan(hubWithTwoSpokes().vectorStore(USER));

    assertThat(topology.site("hub").orElseThrow().vectorStore()).isEmpty();
    assertThat(topology.site("london").orElseThrow().vectorStore()).isPresent();
    assertThat(flows(topology, VECTOR_SNAPSHOT_COPY)).isEmpty();
  }

  @Test
  void artifactIndexIsBuiltInTheHubAndCopiedToSpokes() {
    Topology topology = plan(hubWithTwoSpokes().vectorStore(ARTIFACT));

    assertThat(topology.site("hub").orElseThrow().vectorStore()).isPresent();
    assertThat(flows(topology, VECTOR_SNAPSHOT_COPY)).containsExactly(
        new DataFlow(VECTOR_SNAPSHOT_COPY, "hub", "london", ARTIFACT, "US", "UK", true),
        new DataFlow(VECTOR_SNAPSHOT_COPY, "hub", "frankfurt", ARTIFACT, "US", "EU", true));
  }

  @Test
  void hubIsPricedForItsFleetAndSpokesForFleetAndVectorStore() {
    Cost cost = plan(hubWithTwoSpokes().vectorStore(USER)).cost();

    assertThat(cost.lines()).containsExactly(
        new Cost.Line("hub", "gpu fleet", "g6.xlarge", 1, 4, new BigDecimal("0.8048")),
        new Cost.Line("london", "gpu fleet", "g6.xlarge", 1, 4, new BigDecimal("0.941")),
        new Cost.Line("london", "vector store", "r6i.large", 3, 3, new BigDecimal("0.148")),
        new Cost.Line("frankfurt", "gpu fleet", "g6.xlarge", 1, 4, new BigDecimal("1.0068")),
        new Cost.Line("frankfurt", "vector store", "r6i.large", 3, 3, new BigDecimal("0.152")));
    assertThat(cost.minUsdPerHour()).isEqualByComparingTo("3.6526");
    assertThat(cost.maxUsdPerHour()).isEqualByComparingTo("11.9104");
  }
}
