package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.constructs.config.DrillTarget;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;

/** A drill of a GPU site and a drill of a dedicated server's health check. */
class FailoverDrillTest {

  private static SynthesizedTemplate gpu;
  private static SynthesizedTemplate dedicated;
  private static Stack gpuStack;
  private static IAlarm standbyDown;

  @BeforeAll
  static void synth() {
    App app = new App();
    gpuStack = new Stack(app, "Primary", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("eu-west-2").build()).build());
    standbyDown = Alarm.fromAlarmArn(gpuStack, "StandbyDown", "arn:aws:cloudwatch:eu-west-2:111111111111:alarm:standby-down");
    FailoverDrill.Builder.create(gpuStack, "Drill")
        .target(DrillTarget.gpuSite("chat", "uk", "chat-uk-fleet", List.of("eu-west-2a", "eu-west-2b")))
        .stopConditions(List.of(standbyDown))
        .durationMinutes(15)
        .schedule("cron(0 10 ? * TUE *)")
        .build();
    Stack dnsStack = new Stack(app, "Dns", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
    FailoverDrill.Builder.create(dnsStack, "Drill")
        .target(DrillTarget.invertedHealthCheck("abcdef01-2345-6789-abcd-ef0123456789"))
        .stopConditions(List.of(Alarm.fromAlarmArn(dnsStack, "Other", "arn:aws:cloudwatch:us-east-1:111111111111:alarm:other")))
        .build();
    gpu = new SynthesizedTemplate(Template.fromStack(gpuStack));
    dedicated = new SynthesizedTemplate(Template.fromStack(dnsStack));
  }

  @Test
  void gpuSiteDrillStopsTheFleetAndBlocksReplacementsForTheDuration() {
    JsonNode actions = gpu.only("AWS::FIS::ExperimentTemplate").at("/Properties/Actions");
    assertThat(actions.at("/StopInstances/ActionId").asText()).isEqualTo("aws:ec2:stop-instances");
    assertThat(actions.at("/StopInstances/Parameters/startInstancesAfterDuration").asText()).isEqualTo("PT15M");
    assertThat(actions.at("/PreventReplacement/ActionId").asText()).isEqualTo("aws:ec2:asg-insufficient-instance-capacity-error");
    assertThat(actions.at("/PreventReplacement/Parameters/duration").asText()).isEqualTo("PT15M");
    assertThat(actions.at("/PreventReplacement/Parameters/availabilityZoneIdentifiers").asText()).isEqualTo("eu-west-2a,eu-west-2b");
  }

  @Test
  void gpuSiteDrillTargetsOnlyTheFleetsInstances() {
    JsonNode targets = gpu.only("AWS::FIS::ExperimentTemplate").at("/Properties/Targets");
    assertThat(targets.at("/SiteInstances/ResourceTags").toString()).isEqualTo("{\"aws:autoscaling:groupName\":\"chat-uk-fleet\"}");
    assertThat(targets.at("/SiteGroups/ResourceTags").toString())
        .isEqualTo("{\"meridian:deployment\":\"chat\",\"meridian:site\":\"uk\"}");
  }

  @Test
  void experimentRoleMayStopOnlyTheFleetsInstances() {
    assertThat(gpu.text()).contains("\"ec2:StopInstances\",\"ec2:StartInstances\"]",
        "\"aws:ResourceTag/aws:autoscaling:groupName\":\"chat-uk-fleet\"", "\"ec2:FisActionId\"");
  }

  @Test
  void alarmsStopTheDrill() {
    JsonNode stop = gpu.only("AWS::FIS::ExperimentTemplate").at("/Properties/StopConditions");
    assertThat(stop).hasSize(1);
    assertThat(stop.at("/0/Source").asText()).isEqualTo("aws:cloudwatch:alarm");
    assertThat(stop.at("/0/Value").asText()).isEqualTo("arn:aws:cloudwatch:eu-west-2:111111111111:alarm:standby-down");
  }

  @Test
  void scheduleStartsTheExperimentThroughTheUniversalTarget() {
    JsonNode schedule = gpu.only("AWS::Scheduler::Schedule").at("/Properties");
    assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("cron(0 10 ? * TUE *)");
    assertThat(schedule.at("/Target/Arn").asText()).isEqualTo("arn:aws:scheduler:::aws-sdk:fis:startExperiment");
    assertThat(schedule.at("/Target/Input").toString()).contains("ExperimentTemplateId", "<aws.scheduler.execution-id>");
  }

  @Test
  void dedicatedServerDrillInvertsItsHealthCheckAndRestoresIt() {
    JsonNode steps = dedicated.only("AWS::SSM::Document").at("/Properties/Content/mainSteps");
    assertThat(steps).hasSize(3);
    assertThat(steps.at("/0/inputs/Inverted").asBoolean()).isTrue();
    assertThat(steps.at("/1/action").asText()).isEqualTo("aws:sleep");
    assertThat(steps.at("/2/inputs/Inverted").asBoolean()).isFalse();
    assertThat(steps.at("/1/onCancel").asText()).isEqualTo("step:restore");
    JsonNode action = dedicated.only("AWS::FIS::ExperimentTemplate").at("/Properties/Actions/InvertHealthCheck");
    assertThat(action.path("ActionId").asText()).isEqualTo("aws:ssm:start-automation-execution");
  }

  @Test
  void automationMayUpdateOnlyTheDrilledHealthCheck() {
    assertThat(dedicated.text()).contains("\"arn:aws:route53:::healthcheck/abcdef01-2345-6789-abcd-ef0123456789\"");
  }

  @Test
  void drillWithoutScheduleHasNone() {
    assertThat(dedicated.resources("AWS::Scheduler::Schedule")).isEmpty();
  }

  @Test
  void drillWithoutStopConditionsIsRefused() {
    assertThatThrownBy(() -> FailoverDrill.Builder.create(gpuStack, "Unsafe")
        .target(DrillTarget.gpuSite("chat", "uk", "g", List.of("eu-west-2a"))).build())
        .hasMessageStartingWith("stopConditions: empty; a drill needs at least one alarm that stops it");
  }

  @Test
  void gpuSiteWithoutZonesIsRefused() {
    assertThatThrownBy(() -> DrillTarget.gpuSite("chat", "uk", "g", List.of()))
        .hasMessageStartingWith("availabilityZones: empty;");
  }

  @Test
  void durationLongerThanTwelveHoursIsRefused() {
    assertThatThrownBy(() -> FailoverDrill.Builder.create(gpuStack, "Long")
        .target(DrillTarget.gpuSite("chat", "uk", "g", List.of("eu-west-2a"))).stopConditions(List.of(standbyDown))
        .durationMinutes(721).build())
        .hasMessage("durationMinutes: 721 must be between 1 and 720");
  }

  @Test
  void noSecrets() {
    gpu.assertNoSecrets();
    dedicated.assertNoSecrets();
  }
}
