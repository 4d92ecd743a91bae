package dev.meridian.blueprints.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.blueprints.Deployments;
import dev.meridian.blueprints.patterns.Pattern;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Role;
import org.junit.jupiter.api.Test;

class TopologyTest {

  private static Topology plan(Deployments deployments) {
    var deployment = deployments.build();
    return Pattern.of(deployment).plan(deployment);
  }

  private static final Topology HUB_WITH_SPOKES = plan(Deployments.of(PatternKind.HUB_AND_SPOKE)
      .aws("hub", "us-east-1", Role.HUB)
      .aws("ohio", "us-east-2", Role.SPOKE)
      .aws("london", "eu-west-2", Role.SPOKE));

  @Test
  void spokeShipsItsLogsToTheFirstAwsSiteOfItsJurisdiction() {
    assertThat(HUB_WITH_SPOKES.logArchiveOf("ohio")).map(Site::name).hasValue("hub");
  }

  @Test
  void firstAwsSiteOfAJurisdictionArchivesItsOwnLogs() {
    assertThat(HUB_WITH_SPOKES.logArchiveOf("london")).map(Site::name).hasValue("london");
  }

  @Test
  void hubHasNoLogsToArchive() {
    assertThat(HUB_WITH_SPOKES.logArchiveOf("hub")).isEmpty();
  }

  @Test
  void dedicatedSiteShipsItsLogsToAnAwsSite() {
    Topology topology = plan(Deployments.of(PatternKind.ACTIVE_PASSIVE)
        .aws("london", "eu-west-2", Role.PRIMARY)
        .dedicated("colo", "UK", Role.STANDBY, "203.0.113.10"));

    assertThat(topology.logArchiveOf("colo")).map(Site::name).hasValue("london");
  }
}
