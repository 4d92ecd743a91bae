package dev.meridian.blueprints.patterns;

import static dev.meridian.blueprints.patterns.ActivePassiveTest.flows;
import static dev.meridian.blueprints.plan.FlowKind.HOSTED_API_FALLBACK;
import static dev.meridian.blueprints.plan.FlowKind.LOG_AGGREGATION;
import static dev.meridian.blueprints.spec.DataClass.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.blueprints.Deployments;
import dev.meridian.blueprints.plan.Cost;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Role;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The mechanics every pattern shares: logs, hosted-API fallback, flow order, prices, residency mode. */
class EveryPatternTest {

  private static Topology plan(Deployments deployments) {
    var deployment = deployments.build();
    return Pattern.of(deployment).plan(deployment);
  }

  @Test
  void logsGoToTheFirstAwsSiteOfTheirJurisdiction() {
    Topology topology = plan(Deployments.of(PatternKind.ACTIVE_ACTIVE)
        .aws("frankfurt", "eu-central-1", Role.ACTIVE)
        .aws("dublin", "eu-west-1", Role.ACTIVE)
        .dedicated("colo", "EU", Role.ACTIVE, "203.0.113.10"));

    assertThat(flows(topology, LOG_AGGREGATION)).containsExactly(
        new DataFlow(LOG_AGGREGATION, "dublin", "frankfurt", USER, "EU", "EU", true),
        new DataFlow(LOG_AGGREGATION, "colo", "frankfurt", USER, "EU", "EU", true));
  }

  @Test
  void dedicatedSiteWithoutAnAwsSiteInItsJurisdictionShipsLogsToTheFirstAwsSite() {
    Topology topology = plan(Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("uk", "eu-west-2", Role.PRIMARY)
        .dedicated("oslo", "NO", Role.STANDBY, "203.0.113.10"));

    assertThat(flows(topology, LOG_AGGREGATION))
        .containsExactly(new DataFlow(LOG_AGGREGATION, "oslo", "uk", USER, "NO", "UK", false));
  }

  @Test
  void everyUserServingSiteFallsBackToTheHostedApi() {
    Topology topology = plan(Deployments.of(PatternKind.HUB_AND_SPOKE)
        .aws("hub", "us-east-1", Role.HUB)
        .aws("east", "us-east-2", Role.SPOKE)
        .aws("west", "us-west-2", Role.SPOKE)
        .fallback("bedrock", "us-east-1"));

    assertThat(flows(topology, HOSTED_API_FALLBACK)).containsExactly(
        new DataFlow(HOSTED_API_FALLBACK, "east", "bedrock:us-east-1", USER, "US", "US", true),
        new DataFlow(HOSTED_API_FALLBACK, "west", "bedrock:us-east-1", USER, "US", "US", true));
  }

  @Test
  void userDataFlowsComeFirst() {
    Topology topology = plan(Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("uk", "eu-west-2", Role.PRIMARY)
        .aws("eu", "eu-central-1", Role.STANDBY)
        .vectorStore(DataClass.ARTIFACT)
        .eval());

    assertThat(topology.flows()).extracting(DataFlow::dataClass)
        .containsExactly(USER, DataClass.ARTIFACT, DataClass.ARTIFACT, DataClass.DERIVED);
  }

  @Test
  void residencyModeNoneAllowsEveryFlow() {
    Topology topology = plan(Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("uk", "eu-west-2", Role.PRIMARY)
        .aws("us", "us-east-1", Role.STANDBY)
        .vectorStore(USER)
        .noResidency());

    assertThat(topology.flows()).isNotEmpty().allMatch(DataFlow::allowed);
  }

  @Test
  void unknownPriceCountsAsZeroWithAWarningNamingTypeAndRegion() {
    Topology topology = plan(Deployments.of(PatternKind.SINGLE_REGION)
        .aws("london", "eu-west-2", Role.PRIMARY)
        .gpu("g6e.xlarge", 1, 2));

    assertThat(topology.cost().lines())
        .containsExactly(new Cost.Line("london", "gpu fleet", "g6e.xlarge", 1, 2, BigDecimal.ZERO));
    assertThat(topology.cost().maxUsdPerHour()).isEqualByComparingTo("0");
    assertThat(topology.warnings()).extracting(p -> p.render()).containsExactly(
        "specs/chat.jsonnet: warning: regions[0].gpu.instanceType: the catalog has no on-demand price for"
            + " g6e.xlarge in eu-west-2; the cost counts it as 0");
  }

  @Test
  void dedicatedSitesAreNotPriced() {
    Topology topology = plan(Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("uk", "eu-west-2", Role.PRIMARY)
        .dedicated("colo", "UK", Role.STANDBY, "203.0.113.10"));

    assertThat(topology.cost().lines()).extracting(Cost.Line::site).containsExactly("uk");
  }
}
