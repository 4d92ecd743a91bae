package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Terraform twins: Frankfurt's pilot light woken by London's alarm, relayed from us-east-1. */
class StandbyActivationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode standby;
  private static JsonNode dns;
  private static TerraformStack dnsStack;

  @BeforeAll
  static void synthesize() throws Exception {
    TerraformStack standbyStack = new TerraformStack(Testing.app(), "standby");
    new AwsProvider(standbyStack, "aws", AwsProviderConfig.builder().region("eu-central-1").build());
    StandbyActivation.Builder.create(standbyStack, "Activation")
        .autoScalingGroupName("chat-frankfurt-fleet")
        .alarmName("chat-london-unhealthy")
        .region("eu-central-1")
        .name("chat-frankfurt-activation")
        .build();
    standby = JSON.readTree(Testing.synth(standbyStack)).path("resource");
    dnsStack = new TerraformStack(Testing.app(), "dns");
    new AwsProvider(dnsStack, "aws", AwsProviderConfig.builder().region("us-east-1").build());
    AlarmEventRelay.Builder.create(dnsStack, "Relay")
        .alarmName("chat-london-unhealthy").destinationRegion("eu-central-1").region("us-east-1").build();
    dns = JSON.readTree(Testing.synth(dnsStack)).path("resource");
  }

  private static JsonNode only(JsonNode resources, String type) {
    assertThat(resources.path(type).size()).as(type).isEqualTo(1);
    return resources.path(type).elements().next();
  }

  private static String policyContaining(JsonNode resources, String action) {
    StringBuilder found = new StringBuilder();
    resources.path("aws_iam_role_policy").forEach(p -> {
      if (p.path("policy").asText().contains(action)) {
        found.append(p.path("policy").asText());
      }
    });
    return found.toString();
  }

  @Test
  void stateMachineRaisesOnlyTheMinimumAndLogsAndTraces() throws Exception {
    JsonNode machine = only(standby, "aws_sfn_state_machine");
    assertThat(machine.path("name").asText()).isEqualTo("chat-frankfurt-activation");
    JsonNode step = JSON.readTree(machine.path("definition").asText()).at("/States/RaiseMinimum");
    assertThat(step.path("Parameters").toString()).isEqualTo("{\"AutoScalingGroupName\":\"chat-frankfurt-fleet\",\"MinSize\":1}");
    assertThat(machine.at("/logging_configuration/level").asText()).isEqualTo("ALL");
    assertThat(machine.at("/logging_configuration/log_destination").asText()).endsWith(".arn}:*");
    assertThat(machine.at("/tracing_configuration/enabled").asBoolean()).isTrue();
    assertThat(only(standby, "aws_cloudwatch_log_group").path("tags").path("meridian:data-class").asText()).isEqualTo("derived");
  }

  @Test
  void stateMachineMayUpdateOnlyThatGroup() {
    assertThat(policyContaining(standby, "autoscaling:UpdateAutoScalingGroup"))
        .contains("arn:aws:autoscaling:eu-central-1:${data.aws_caller_identity.Activation_Caller_")
        .contains(":autoScalingGroup:*:autoScalingGroupName/chat-frankfurt-fleet");
  }

  @Test
  void ruleStartsTheMachineThroughARoleThatMayOnlyStartIt() throws Exception {
    JsonNode pattern = JSON.readTree(only(standby, "aws_cloudwatch_event_rule").path("event_pattern").asText());
    assertThat(pattern.at("/detail/alarmName/0").asText()).isEqualTo("chat-london-unhealthy");
    assertThat(pattern.at("/detail/state/value/0").asText()).isEqualTo("ALARM");
    JsonNode target = only(standby, "aws_cloudwatch_event_target");
    assertThat(target.path("arn").asText()).startsWith("${aws_sfn_state_machine.Activation_StateMachine_");
    assertThat(target.path("role_arn").asText()).contains("aws_iam_role.Activation_EventsRole_");
    assertThat(policyContaining(standby, "states:StartExecution")).contains("${aws_sfn_state_machine.Activation_StateMachine_");
  }

  @Test
  void relayTargetsTheStandbyRegionsDefaultBus() {
    JsonNode target = only(dns, "aws_cloudwatch_event_target");
    assertThat(target.path("arn").asText()).startsWith("arn:aws:events:eu-central-1:").endsWith(":event-bus/default");
    assertThat(policyContaining(dns, "events:PutEvents")).contains("arn:aws:events:eu-central-1:");
  }

  @Test
  void relayIntoItsOwnRegionIsRefused() {
    assertThatThrownBy(() -> AlarmEventRelay.Builder.create(dnsStack, "Same").alarmName("a")
        .destinationRegion("us-east-1").region("us-east-1").build())
        .hasMessageStartingWith("destinationRegion: us-east-1 is this stack's region");
  }
}
