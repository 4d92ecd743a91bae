package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.meridian.constructs.config.DrillTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Terraform drill of a GPU site and of a dedicated server's health check keeps the CDK twin's promises. */
class FailoverDrillTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STANDBY_DOWN = "arn:aws:cloudwatch:eu-west-2:111111111111:alarm:standby-down";
  private static TerraformStack gpuStack;
  private static String gpuSynthesized;
  private static JsonNode gpu;
  private static JsonNode dedicated;

  @BeforeAll
  static void synthesize() throws Exception {
    App app = Testing.app();
    gpuStack = gpuSiteStack(app);
    gpuSynthesized = Testing.synth(gpuStack);
    gpu = JSON.readTree(gpuSynthesized).path("resource");
    TerraformStack dnsStack = new TerraformStack(app, "dns");
    new AwsProvider(dnsStack, "aws", AwsProviderConfig.builder().region("us-east-1").build());
    FailoverDrill.Builder.create(dnsStack, "Drill")
        .target(DrillTarget.invertedHealthCheck("abcdef01-2345-6789-abcd-ef0123456789"))
        .stopConditionAlarmArns(List.of("arn:aws:cloudwatch:us-east-1:111111111111:alarm:other"))
        .region("us-east-1")
        .name("chat-colo-drill")
        .build();
    dedicated = JSON.readTree(Testing.synth(dnsStack)).path("resource");
  }

  private static TerraformStack gpuSiteStack(App app) {
    TerraformStack stack = new TerraformStack(app, "primary");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    FailoverDrill.Builder.create(stack, "Drill")
        .target(DrillTarget.gpuSite("chat", "uk", "chat-uk-fleet", List.of("eu-west-2a", "eu-west-2b")))
        .stopConditionAlarmArns(List.of(STANDBY_DOWN))
        .durationMinutes(15)
        .schedule("cron(0 10 ? * TUE *)")
        .region("eu-west-2")
        .build();
    return stack;
  }

  private static JsonNode only(JsonNode resources, String type) {
    assertThat(resources.path(type).size()).as(type).isEqualTo(1);
    return resources.path(type).elements().next();
  }

  /** The GPU site's template: the desired state handed to Cloud Control, in CloudFormation's shape. */
  private static JsonNode gpuTemplate() throws Exception {
    JsonNode resource = only(gpu, "aws_cloudcontrolapi_resource");
    assertThat(resource.path("type_name").asText()).isEqualTo("AWS::FIS::ExperimentTemplate");
    return JSON.readTree(resource.path("desired_state").asText());
  }

  /** The statements of a stack's role policies whose address contains the fragment (their construct id). */
  private static List<JsonNode> policies(JsonNode resources, String fragment) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (var policy : (Iterable<java.util.Map.Entry<String, JsonNode>>) () -> resources.path("aws_iam_role_policy").fields()) {
      if (policy.getKey().contains(fragment)) {
        found.add(JSON.readTree(policy.getValue().path("policy").asText()).path("Statement").get(0));
      }
    }
    assertThat(found).as("role policies named *%s*", fragment).isNotEmpty();
    return found;
  }

  @Test
  void gpuSiteDrillStopsTheFleetAndBlocksReplacementsForTheDuration() throws Exception {
    JsonNode actions = gpuTemplate().path("Actions");
    assertThat(actions.at("/StopInstances/ActionId").asText()).isEqualTo("aws:ec2:stop-instances");
    assertThat(actions.at("/StopInstances/Parameters/startInstancesAfterDuration").asText()).isEqualTo("PT15M");
    assertThat(actions.at("/StopInstances/Targets/Instances").asText()).isEqualTo("SiteInstances");
    assertThat(actions.at("/PreventReplacement/ActionId").asText()).isEqualTo("aws:ec2:asg-insufficient-instance-capacity-error");
    assertThat(actions.at("/PreventReplacement/Parameters/duration").asText()).isEqualTo("PT15M");
    assertThat(actions.at("/PreventReplacement/Parameters/availabilityZoneIdentifiers").asText()).isEqualTo("eu-west-2a,eu-west-2b");
    assertThat(actions.at("/PreventReplacement/Targets/AutoScalingGroups").asText()).isEqualTo("SiteGroups");
  }

  @Test
  void gpuSiteTemplateGoesThroughCloudControlBecauseTheProviderRefusesAutoScalingGroupTargets() {
    assertThat(gpu.has("aws_fis_experiment_template")).isFalse();
    assertThat(dedicated.has("aws_cloudcontrolapi_resource")).isFalse();
  }

  @Test
  void gpuSiteDrillTargetsOnlyTheFleetsRunningInstances() throws Exception {
    JsonNode targets = gpuTemplate().path("Targets");
    assertThat(targets.at("/SiteInstances/ResourceTags").toString()).isEqualTo("{\"aws:autoscaling:groupName\":\"chat-uk-fleet\"}");
    assertThat(targets.at("/SiteInstances/Filters/0/Values").toString()).isEqualTo("[\"running\"]");
    assertThat(targets.at("/SiteGroups/ResourceTags").toString())
        .isEqualTo("{\"meridian:deployment\":\"chat\",\"meridian:site\":\"uk\"}");
    assertThat(gpuTemplate().at("/Tags/Name").asText()).isEqualTo("meridian-drill-chat-uk");
  }

  @Test
  void experimentRoleMayStopOnlyTheFleetsInstancesAndInjectOnlyTheCapacityError() throws Exception {
    JsonNode stopStart = policies(gpu, "ExperimentRoleStopStart").get(0);
    assertThat(stopStart.path("Action").toString()).isEqualTo("[\"ec2:StopInstances\",\"ec2:StartInstances\"]");
    assertThat(stopStart.at("/Resource/0").asText()).startsWith("arn:aws:ec2:eu-west-2:${data.aws_caller_identity.")
        .endsWith(":instance/*");
    assertThat(stopStart.at("/Condition/StringEquals").toString())
        .isEqualTo("{\"aws:ResourceTag/aws:autoscaling:groupName\":\"chat-uk-fleet\"}");
    JsonNode inject = policies(gpu, "ExperimentRoleCapacityError").get(0);
    assertThat(inject.path("Action").toString()).isEqualTo("[\"ec2:InjectApiError\"]");
    assertThat(inject.at("/Condition/ForAnyValue:StringEquals/ec2:FisActionId").asText())
        .isEqualTo("aws:ec2:asg-insufficient-instance-capacity-error");
  }

  @Test
  void alarmsStopTheDrill() throws Exception {
    JsonNode stop = gpuTemplate().path("StopConditions");
    assertThat(stop).hasSize(1);
    assertThat(stop.at("/0/Source").asText()).isEqualTo("aws:cloudwatch:alarm");
    assertThat(stop.at("/0/Value").asText()).isEqualTo(STANDBY_DOWN);
    JsonNode dedicatedStop = only(dedicated, "aws_fis_experiment_template").path("stop_condition");
    assertThat(dedicatedStop.at("/0/value").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:111111111111:alarm:other");
  }

  @Test
  void scheduleStartsTheExperimentThroughTheUniversalTarget() throws Exception {
    JsonNode schedule = only(gpu, "aws_scheduler_schedule");
    assertThat(schedule.path("name").asText()).isEqualTo("Drill");
    assertThat(schedule.path("schedule_expression").asText()).isEqualTo("cron(0 10 ? * TUE *)");
    assertThat(schedule.at("/flexible_time_window/mode").asText()).isEqualTo("OFF");
    assertThat(schedule.at("/target/arn").asText()).isEqualTo("arn:aws:scheduler:::aws-sdk:fis:startExperiment");
    assertThat(schedule.at("/target/retry_policy/maximum_retry_attempts").asInt()).isZero();
    JsonNode input = JSON.readTree(schedule.at("/target/input").asText());
    assertThat(input.path("ExperimentTemplateId").asText()).startsWith("${aws_cloudcontrolapi_resource.").endsWith(".id}");
    assertThat(input.path("ClientToken").asText()).isEqualTo("<aws.scheduler.execution-id>");
  }

  @Test
  void schedulerMayOnlyStartThisTemplateAndOnlyForThisAccount() throws Exception {
    JsonNode start = policies(gpu, "SchedulerRoleStartExperiment").get(0);
    assertThat(start.path("Action").toString()).isEqualTo("[\"fis:StartExperiment\"]");
    assertThat(start.at("/Resource/0").asText()).startsWith("arn:aws:fis:eu-west-2:")
        .contains(":experiment-template/${aws_cloudcontrolapi_resource.");
    assertThat(start.at("/Resource/1").asText()).endsWith(":experiment/*");
    JsonNode trust = null;
    for (JsonNode role : gpu.path("aws_iam_role")) {
      if (role.path("description").asText().startsWith("EventBridge Scheduler")) {
        trust = JSON.readTree(role.path("assume_role_policy").asText()).path("Statement").get(0);
      }
    }
    assertThat(trust).isNotNull();
    assertThat(trust.at("/Principal/Service").asText()).isEqualTo("scheduler.amazonaws.com");
    assertThat(trust.at("/Condition/StringEquals/aws:SourceAccount").asText()).startsWith("${data.aws_caller_identity.");
  }

  @Test
  void dedicatedServerDrillInvertsItsHealthCheckAndRestoresIt() throws Exception {
    JsonNode document = only(dedicated, "aws_ssm_document");
    assertThat(document.path("name").asText()).isEqualTo("chat-colo-drill-invert-health-check");
    assertThat(document.path("document_type").asText()).isEqualTo("Automation");
    JsonNode steps = JSON.readTree(document.path("content").asText()).path("mainSteps");
    assertThat(steps).hasSize(3);
    assertThat(steps.at("/0/inputs/Inverted").asBoolean()).isTrue();
    assertThat(steps.at("/1/action").asText()).isEqualTo("aws:sleep");
    assertThat(steps.at("/2/inputs/Inverted").asBoolean()).isFalse();
    assertThat(steps.at("/1/onCancel").asText()).isEqualTo("step:restore");
    JsonNode action = only(dedicated, "aws_fis_experiment_template").path("action").get(0);
    assertThat(action.path("action_id").asText()).isEqualTo("aws:ssm:start-automation-execution");
    assertThat(action.path("parameter").toString())
        .contains("{\"key\":\"maxDuration\",\"value\":\"PT20M\"}")
        .contains("\"key\":\"documentArn\",\"value\":\"${aws_ssm_document.")
        .contains("\\\"HealthCheckId\\\":\\\"abcdef01-2345-6789-abcd-ef0123456789\\\"", "\\\"Duration\\\":\\\"PT15M\\\"");
  }

  @Test
  void automationMayUpdateOnlyTheDrilledHealthCheck() throws Exception {
    JsonNode statement = policies(dedicated, "AutomationRoleHealthCheck").get(0);
    assertThat(statement.path("Resource").toString())
        .isEqualTo("[\"arn:aws:route53:::healthcheck/abcdef01-2345-6789-abcd-ef0123456789\"]");
  }

  @Test
  void experimentRoleMayStartOnlyThisAutomationAndPassOnlyItsRole() throws Exception {
    assertThat(policies(dedicated, "ExperimentRoleStartAutomation").get(0).at("/Resource/0").asText())
        .startsWith("arn:aws:ssm:us-east-1:").contains(":automation-definition/${aws_ssm_document.").endsWith(".name}:*");
    assertThat(policies(dedicated, "ExperimentRolePassAutomationRole").get(0).at("/Resource/0").asText())
        .startsWith("${aws_iam_role.").contains("AutomationRole").endsWith(".arn}");
  }

  @Test
  void drillWithoutScheduleHasNone() {
    assertThat(dedicated.has("aws_scheduler_schedule")).isFalse();
  }

  @Test
  void synthesisIsDeterministic() {
    assertThat(Testing.synth(gpuSiteStack(Testing.app()))).isEqualTo(gpuSynthesized);
  }

  @Test
  void drillWithoutStopConditionsIsRefused() {
    assertThatThrownBy(() -> FailoverDrill.Builder.create(gpuStack, "Unsafe").region("eu-west-2")
        .target(DrillTarget.gpuSite("chat", "uk", "g", List.of("eu-west-2a"))).build())
        .hasMessageStartingWith("stopConditionAlarmArns: empty; a drill needs at least one alarm that stops it");
  }

  @Test
  void durationLongerThanTwelveHoursIsRefused() {
    assertThatThrownBy(() -> FailoverDrill.Builder.create(gpuStack, "Long").region("eu-west-2")
        .target(DrillTarget.gpuSite("chat", "uk", "g", List.of("eu-west-2a"))).stopConditionAlarmArns(List.of(STANDBY_DOWN))
        .durationMinutes(721).build())
        .hasMessage("durationMinutes: 721 must be between 1 and 720");
  }

  @Test
  void scheduleThatSchedulerWouldRejectIsRefused() {
    assertThatThrownBy(() -> FailoverDrill.Builder.create(gpuStack, "Weekly").region("eu-west-2")
        .target(DrillTarget.gpuSite("chat", "uk", "g", List.of("eu-west-2a"))).stopConditionAlarmArns(List.of(STANDBY_DOWN))
        .schedule("every tuesday").build())
        .hasMessageStartingWith("schedule: 'every tuesday' is not a schedule");
  }

  @Test
  void nameThatCannotNameADocumentIsRefused() {
    assertThatThrownBy(() -> FailoverDrill.Builder.create(gpuStack, "Aws").region("eu-west-2")
        .target(DrillTarget.gpuSite("chat", "uk", "g", List.of("eu-west-2a"))).stopConditionAlarmArns(List.of(STANDBY_DOWN))
        .name("aws-drill").build())
        .hasMessageStartingWith("name: 'aws-drill' cannot name an SSM document and a schedule");
  }

  @Test
  void missingRegionIsRefused() {
    assertThatThrownBy(() -> FailoverDrill.Builder.create(gpuStack, "Nowhere")
        .target(DrillTarget.gpuSite("chat", "uk", "g", List.of("eu-west-2a"))).stopConditionAlarmArns(List.of(STANDBY_DOWN))
        .build())
        .hasMessageStartingWith("region: 'null' is not an AWS region code");
  }
}
