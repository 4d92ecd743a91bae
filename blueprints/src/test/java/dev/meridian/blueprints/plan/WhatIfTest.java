package dev.meridian.blueprints.plan;

import static dev.meridian.blueprints.spec.DataClass.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.blueprints.Deployments;
import dev.meridian.blueprints.patterns.Pattern;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Problem;
import dev.meridian.blueprints.spec.Role;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WhatIfTest {

  private static Topology plan(Deployments deployments) {
    var deployment = deployments.build();
    return Pattern.of(deployment).plan(deployment);
  }

  private static FailureReport.Simulated simulate(Deployments deployments, String... failed) {
    return (FailureReport.Simulated) WhatIf.simulate(plan(deployments), Set.of(failed));
  }

  private static Deployments ukWithEuStandby() {
    return Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("uk", "eu-west-2", Role.PRIMARY)
        .aws("eu", "eu-central-1", Role.STANDBY)
        .allow("UK", "EU");
  }

  private static Deployments ukAndContinentEuShards() {
    return Deployments.of(PatternKind.REGIONAL_SHARDING)
        .aws("uk", "eu-west-2", Role.ACTIVE, "GB")
        .aws("eu", "eu-central-1", Role.ACTIVE, "EU");
  }

  @Test
  void failedPrimaryMovesEveryoneToTheStandby() {
    FailureReport.Simulated report = simulate(ukWithEuStandby(), "uk");

    assertThat(report.userGroups()).containsExactly(new UserGroupOutcome("everyone", "uk", Optional.of("eu")));
    assertThat(report.trippedHealthChecks()).containsExactly("uk");
    assertThat(report.failoverSeconds()).isEqualTo(10 * 3 + 60);
  }

  @Test
  void failedStandbyMovesNobody() {
    FailureReport.Simulated report = simulate(ukWithEuStandby(), "eu");

    assertThat(report.userGroups()).containsExactly(new UserGroupOutcome("everyone", "uk", Optional.of("uk")));
    assertThat(report.trippedHealthChecks()).containsExactly("eu");
    assertThat(report.failoverSeconds()).isZero();
    assertThat(report.reroutedFlows()).isEmpty();
  }

  @Test
  void allowedFailoverKeepsResidency() {
    FailureReport.Simulated report = simulate(ukWithEuStandby(), "uk");

    assertThat(report.reroutedFlows())
        .containsExactly(new DataFlow(FlowKind.FAILOVER_TRAFFIC, "uk", "eu", USER, "UK", "EU", true));
    assertThat(report.residencyHolds()).isTrue();
  }

  @Test
  void failedPrimaryAndFirstStandbyMoveEveryoneDownTheChain() {
    FailureReport.Simulated report = simulate(ukWithEuStandby().aws("us", "us-east-1", Role.STANDBY), "uk", "eu");

    assertThat(report.userGroups()).containsExactly(new UserGroupOutcome("everyone", "uk", Optional.of("us")));
    assertThat(report.trippedHealthChecks()).containsExactly("uk", "eu");
  }

  @Test
  void pilotLightStandbyTakingTrafficIsNotedForScaleUp() {
    FailureReport.Simulated report = simulate(ukWithEuStandby().capacity("eu", 0, 2), "uk");

    assertThat(report.scalingUpFromZero()).containsExactly("eu");
  }

  @Test
  void capacityLeftIsTheMaximumOfTheSurvivingFleets() {
    FailureReport.Simulated report = simulate(ukWithEuStandby().capacity("eu", 0, 2), "uk");

    assertThat(report.capacityBefore()).isEqualTo(6);
    assertThat(report.capacityLeft()).isEqualTo(2);
  }

  @Test
  void failedUkShardSendsGbToTheContinentRecordAndBreaksResidency() {
    FailureReport.Simulated report = simulate(ukAndContinentEuShards(), "uk");

    assertThat(report.userGroups()).containsExactly(
        new UserGroupOutcome("GB", "uk", Optional.of("eu")),
        new UserGroupOutcome("continent EU", "eu", Optional.of("eu")));
    assertThat(report.residencyHolds()).isFalse();
    assertThat(report.residencyBreaches())
        .containsExactly(new DataFlow(FlowKind.FAILOVER_TRAFFIC, "uk", "eu", USER, "UK", "EU", false));
  }

  @Test
  void failedContinentShardFallsToTheDefaultRecord() {
    FailureReport.Simulated report = simulate(
        ukAndContinentEuShards().aws("us", "us-east-1", Role.ACTIVE, "US").defaultRegion("us"), "eu");

    assertThat(report.userGroups()).contains(new UserGroupOutcome("continent EU", "eu", Optional.of("us")));
  }

  @Test
  void failedShardWithoutLargerAreaLeavesItsUsersUnserved() {
    FailureReport.Simulated report = simulate(ukAndContinentEuShards(), "eu");

    assertThat(report.userGroups()).contains(new UserGroupOutcome("continent EU", "eu", Optional.empty()));
    assertThat(report.failoverSeconds()).isZero();
  }

  @Test
  void allSitesFailedLeavesEveryoneUnserved() {
    FailureReport.Simulated report = simulate(ukWithEuStandby(), "uk", "eu");

    assertThat(report.userGroups()).allMatch(UserGroupOutcome::unserved);
    assertThat(report.reroutedFlows()).isEmpty();
    assertThat(report.capacityLeft()).isZero();
  }

  @Test
  void usersNearestAFailedLatencySiteGoToTheNearestHealthyOne() {
    FailureReport.Simulated report = simulate(Deployments.of(PatternKind.ACTIVE_ACTIVE)
        .aws("virginia", "us-east-1", Role.ACTIVE)
        .aws("london", "eu-west-2", Role.ACTIVE)
        .aws("frankfurt", "eu-central-1", Role.ACTIVE), "london");

    assertThat(report.userGroups()).containsExactly(
        new UserGroupOutcome("nearest virginia", "virginia", Optional.of("virginia")),
        new UserGroupOutcome("nearest london", "london", Optional.of("frankfurt")),
        new UserGroupOutcome("nearest frankfurt", "frankfurt", Optional.of("frankfurt")));
  }

  @Test
  void failedHubMovesNobodyAndTripsNoRoutingCheck() {
    FailureReport.Simulated report = simulate(Deployments.of(PatternKind.HUB_AND_SPOKE)
        .aws("hub", "us-east-1", Role.HUB)
        .aws("east", "us-east-2", Role.SPOKE), "hub");

    assertThat(report.userGroups()).noneMatch(UserGroupOutcome::affected);
    assertThat(report.trippedHealthChecks()).isEmpty();
  }

  @Test
  void failedSingleRegionSendsPromptsToTheHostedFallback() {
    FailureReport.Simulated report = simulate(Deployments.of(PatternKind.SINGLE_REGION)
        .aws("london", "eu-west-2", Role.PRIMARY)
        .fallback("bedrock", "eu-west-2"), "london");

    assertThat(report.userGroups())
        .containsExactly(new UserGroupOutcome("everyone", "london", Optional.of("bedrock:eu-west-2")));
    assertThat(report.trippedHealthChecks()).containsExactly("london");
    assertThat(report.failoverSeconds()).isZero();
    assertThat(report.reroutedFlows()).containsExactly(
        new DataFlow(FlowKind.HOSTED_API_FALLBACK, "london", "bedrock:eu-west-2", USER, "UK", "UK", true));
  }

  @Test
  void unknownSiteIsRejectedNamingTheSitesThereAre() {
    FailureReport report = WhatIf.simulate(plan(ukWithEuStandby()), Set.of("mars", "uk"));

    assertThat(report).isInstanceOfSatisfying(FailureReport.Rejected.class, rejected ->
        assertThat(rejected.problems()).extracting(Problem::render).containsExactly(
            "specs/chat.jsonnet: --fail: no site named \"mars\" (the sites are uk, eu)"));
  }
}
