package dev.meridian.blueprints.patterns;

import static dev.meridian.blueprints.plan.FlowKind.ARTIFACT_REPLICATION;
import static dev.meridian.blueprints.plan.FlowKind.EVAL_RESULTS;
import static dev.meridian.blueprints.plan.FlowKind.FAILOVER_TRAFFIC;
import static dev.meridian.blueprints.plan.FlowKind.VECTOR_SNAPSHOT_COPY;
import static dev.meridian.blueprints.plan.RoutingRule.Failover.Role.PRIMARY;
import static dev.meridian.blueprints.plan.RoutingRule.Failover.Role.SECONDARY;
import static dev.meridian.blueprints.spec.DataClass.ARTIFACT;
import static dev.meridian.blueprints.spec.DataClass.DERIVED;
import static dev.meridian.blueprints.spec.DataClass.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meridian.blueprints.Deployments;
import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.Cost;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivePassiveTest {

  private static Deployments ukWithEuStandby() {
    return Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("uk", "eu-west-2", Role.PRIMARY)
        .aws("eu", "eu-central-1", Role.STANDBY);
  }

  private static Topology plan(Deployments deployments) {
    return new ActivePassive(Catalog.builtIn()).plan(deployments.build());
  }

  static List<DataFlow> flows(Topology topology, FlowKind kind) {
    return topology.flows().stream().filter(f -> f.kind() == kind).toList();
  }

  @Test
  void primaryGetsPrimaryAndStandbyGetsSecondaryFailoverRecord() {
    Topology topology = plan(ukWithEuStandby());

    assertThat(topology.routing().policy()).isEqualTo(RoutingPolicy.FAILOVER);
    assertThat(topology.routing().records()).containsExactly(
        new RecordSet("api.example.com", "uk-primary", "uk", new RoutingRule.Failover(PRIMARY), true),
        new RecordSet("api.example.com", "eu-secondary", "eu", new RoutingRule.Failover(SECONDARY), true));
  }

  @Test
  void twoStandbysChainThroughAnIntermediateName() {
    Topology topology = plan(ukWithEuStandby().aws("us", "us-east-1", Role.STANDBY));

    assertThat(topology.routing().records()).containsExactly(
        new RecordSet("api.example.com", "uk-primary", "uk", new RoutingRule.Failover(PRIMARY), true),
        new RecordSet("api.example.com", "eu-secondary", "eu", new RoutingRule.Failover(SECONDARY), false,
            Optional.of("failover-2.api.example.com")),
        new RecordSet("failover-2.api.example.com", "eu-primary", "eu", new RoutingRule.Failover(PRIMARY), true),
        new RecordSet("failover-2.api.example.com", "us-secondary", "us", new RoutingRule.Failover(SECONDARY), true));
  }

  @Test
  void failoverTimeIsIntervalTimesThresholdPlusTtl() {
    Topology topology = plan(ukWithEuStandby().ttl(30));

    assertThat(topology.routing().failoverSeconds()).isEqualTo(10 * 3 + 30);
  }

  @Test
  void sitesFollowSpecOrderWithTheirRegionsJurisdiction() {
    Topology topology = plan(ukWithEuStandby());

    assertThat(topology.sites()).extracting(Site::name, Site::role, Site::jurisdiction, Site::placement).containsExactly(
        tuple("uk", Role.PRIMARY, "UK", new Placement.Aws("eu-west-2")),
        tuple("eu", Role.STANDBY, "EU", new Placement.Aws("eu-central-1")));
  }

  @Test
  void dedicatedStandbyKeepsItsStatedJurisdictionAndHasNoFleet() {
    Topology topology = plan(Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("uk", "eu-west-2", Role.PRIMARY)
        .dedicated("uk-colo", "UK", Role.STANDBY, "203.0.113.10"));

    assertThat(topology.site("uk-colo")).hasValueSatisfying(s -> {
      assertThat(s.jurisdiction()).isEqualTo("UK");
      assertThat(s.placement()).isEqualTo(new Placement.Dedicated(List.of("203.0.113.10"), "4x RTX 4090"));
      assertThat(s.fleet()).isEmpty();
    });
  }

  @Test
  void standbyWithMinimumZeroIsPilotLight() {
    Topology topology = plan(ukWithEuStandby().capacity("eu", 0, 2));

    assertThat(topology.site("eu").orElseThrow().pilotLight()).isTrue();
  }

  @Test
  void standbyWithMinimumOneIsWarm() {
    Topology topology = plan(ukWithEuStandby());

    assertThat(topology.site("eu").orElseThrow().pilotLight()).isFalse();
  }

  @Test
  void usersFailOverFromPrimaryToEachStandbyAcrossABorderOnlyWhenAllowed() {
    assertThat(flows(plan(ukWithEuStandby()), FAILOVER_TRAFFIC))
        .containsExactly(new DataFlow(FAILOVER_TRAFFIC, "uk", "eu", USER, "UK", "EU", false));
    assertThat(flows(plan(ukWithEuStandby().allow("UK", "EU")), FAILOVER_TRAFFIC))
        .containsExactly(new DataFlow(FAILOVER_TRAFFIC, "uk", "eu", USER, "UK", "EU", true));
  }

  @Test
  void standbysGetThePrimarysArtifactsAndVectorSnapshots() {
    Topology topology = plan(ukWithEuStandby().aws("us", "us-east-1", Role.STANDBY).vectorStore(USER));

    assertThat(flows(topology, ARTIFACT_REPLICATION)).containsExactly(
        new DataFlow(ARTIFACT_REPLICATION, "uk", "eu", ARTIFACT, "UK", "EU", true),
        new DataFlow(ARTIFACT_REPLICATION, "uk", "us", ARTIFACT, "UK", "US", true));
    assertThat(flows(topology, VECTOR_SNAPSHOT_COPY)).containsExactly(
        new DataFlow(VECTOR_SNAPSHOT_COPY, "uk", "eu", USER, "UK", "EU", false),
        new DataFlow(VECTOR_SNAPSHOT_COPY, "uk", "us", USER, "UK", "US", false));
  }

  @Test
  void evalResultsGoToThePrimaryWhenTheSpecRunsEvals() {
    assertThat(flows(plan(ukWithEuStandby()), EVAL_RESULTS)).isEmpty();
    assertThat(flows(plan(ukWithEuStandby().eval()), EVAL_RESULTS))
        .containsExactly(new DataFlow(EVAL_RESULTS, "eu", "uk", DERIVED, "EU", "UK", true));
  }

  @Test
  void costPricesEachFleetFromMinimumToMaximumAndTheVectorStoreAsFixed() {
    Cost cost = plan(ukWithEuStandby().capacity("eu", 0, 2).vectorStore(USER)).cost();

    assertThat(cost.lines()).containsExactly(
        new Cost.Line("uk", "gpu fleet", "g6.xlarge", 1, 4, new BigDecimal("0.941")),
        new Cost.Line("uk", "vector store", "r6i.large", 3, 3, new BigDecimal("0.148")),
        new Cost.Line("eu", "gpu fleet", "g6.xlarge", 0, 2, new BigDecimal("1.0068")),
        new Cost.Line("eu", "vector store", "r6i.large", 3, 3, new BigDecimal("0.152")));
    assertThat(cost.minUsdPerHour()).isEqualByComparingTo("1.8410");
    assertThat(cost.maxUsdPerHour()).isEqualByComparingTo("6.6776");
  }
}
