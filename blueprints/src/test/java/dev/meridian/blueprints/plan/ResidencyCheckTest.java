package dev.meridian.blueprints.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.blueprints.Deployments;
import dev.meridian.blueprints.patterns.Pattern;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Problem;
import dev.meridian.blueprints.spec.Role;
import org.junit.jupiter.api.Test;

class ResidencyCheckTest {

  private static Topology plan(Deployments deployments) {
    var deployment = deployments.build();
    return Pattern.of(deployment).plan(deployment);
  }

  private static Deployments ukWithEuStandby() {
    return Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("uk", "eu-west-2", Role.PRIMARY)
        .aws("eu", "eu-central-1", Role.STANDBY);
  }

  @Test
  void failoverToAStandbyInAnotherJurisdictionIsAnError() {
    assertThat(ResidencyCheck.problems(plan(ukWithEuStandby()))).extracting(Problem::render).containsExactly(
        "specs/chat.jsonnet: residency.allowedTransfers: failover of users' traffic from \"uk\" (UK) to \"eu\" (EU)"
            + " crosses a jurisdiction (allow it with {\"from\": \"UK\", \"to\": \"EU\"} or keep the standby in UK)");
  }

  @Test
  void problemsAreErrors() {
    assertThat(ResidencyCheck.problems(plan(ukWithEuStandby()))).extracting(Problem::severity)
        .containsExactly(Problem.Severity.ERROR);
  }

  @Test
  void allowedTransferIsNoProblem() {
    assertThat(ResidencyCheck.problems(plan(ukWithEuStandby().allow("UK", "EU")))).isEmpty();
  }

  @Test
  void allowanceHasADirection() {
    assertThat(ResidencyCheck.problems(plan(ukWithEuStandby().allow("EU", "UK")))).hasSize(1);
  }

  @Test
  void vectorSnapshotsOfUserContentAcrossABorderAreAnError() {
    assertThat(ResidencyCheck.problems(plan(ukWithEuStandby().vectorStore(DataClass.USER))))
        .extracting(Problem::message).containsExactly(
            "failover of users' traffic from \"uk\" (UK) to \"eu\" (EU) crosses a jurisdiction (allow it with"
                + " {\"from\": \"UK\", \"to\": \"EU\"} or keep the standby in UK)",
            "vector snapshot copy from \"uk\" (UK) to \"eu\" (EU) crosses a jurisdiction (allow it with"
                + " {\"from\": \"UK\", \"to\": \"EU\"} or set vectorStore.content to \"artifact\" if the index holds"
                + " no user data)");
  }

  @Test
  void artifactAndDerivedDataMayCrossBorders() {
    Topology topology = plan(ukWithEuStandby().allow("UK", "EU").vectorStore(DataClass.ARTIFACT).eval());

    assertThat(topology.flows()).anyMatch(DataFlow::crossesBorder);
    assertThat(ResidencyCheck.problems(topology)).isEmpty();
  }

  @Test
  void continentRecordServingAnotherJurisdictionsUsersIsAnError() {
    Topology topology = plan(Deployments.of(PatternKind.REGIONAL_SHARDING)
        .aws("eu", "eu-central-1", Role.ACTIVE, "EU")
        .aws("uk", "eu-west-2", Role.ACTIVE, "GB")
        .allow("UK", "EU"));

    assertThat(ResidencyCheck.problems(topology)).extracting(Problem::message).containsExactly(
        "serving users in CH from \"eu\" (EU) crosses a jurisdiction (allow it with {\"from\": \"CH\", \"to\": \"EU\"}"
            + " or serve CH's countries from a site in CH)",
        "serving users in NO from \"eu\" (EU) crosses a jurisdiction (allow it with {\"from\": \"NO\", \"to\": \"EU\"}"
            + " or serve NO's countries from a site in NO)");
  }

  @Test
  void shardFailingOverToAnotherJurisdictionsContinentRecordIsAnError() {
    Topology topology = plan(Deployments.of(PatternKind.REGIONAL_SHARDING)
        .aws("eu", "eu-central-1", Role.ACTIVE, "EU")
        .aws("zurich", "eu-central-2", Role.ACTIVE, "CH")
        .allow("NO", "EU")
        .allow("UK", "EU"));

    assertThat(ResidencyCheck.problems(topology)).extracting(Problem::message).containsExactly(
        "failover of users' traffic from \"zurich\" (CH) to \"eu\" (EU) crosses a jurisdiction (allow it with"
            + " {\"from\": \"CH\", \"to\": \"EU\"} or fail over only to sites in CH)");
  }

  @Test
  void logsOfADedicatedSiteWithoutAnArchiveInItsJurisdictionAreAnError() {
    Topology topology = plan(Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("uk", "eu-west-2", Role.PRIMARY)
        .dedicated("oslo", "NO", Role.STANDBY, "203.0.113.10")
        .allow("UK", "NO"));

    assertThat(ResidencyCheck.problems(topology)).extracting(Problem::message).containsExactly(
        "log aggregation from \"oslo\" (NO) to \"uk\" (UK) crosses a jurisdiction (allow it with"
            + " {\"from\": \"NO\", \"to\": \"UK\"} or add an AWS site in NO to archive its logs)");
  }

  @Test
  void hostedFallbackInAnotherJurisdictionIsAnError() {
    Topology topology = plan(Deployments.of(PatternKind.SINGLE_REGION)
        .aws("london", "eu-west-2", Role.PRIMARY)
        .fallback("bedrock", "eu-central-1"));

    assertThat(ResidencyCheck.problems(topology)).extracting(Problem::message).containsExactly(
        "hosted-API fallback from \"london\" (UK) to \"bedrock:eu-central-1\" (EU) crosses a jurisdiction (allow it"
            + " with {\"from\": \"UK\", \"to\": \"EU\"} or use a fallback region in UK)");
  }
}
