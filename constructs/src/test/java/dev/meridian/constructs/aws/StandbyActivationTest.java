package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** A pilot-light standby in Frankfurt woken by London's health alarm, relayed from us-east-1. */
class StandbyActivationTest {

  private static SynthesizedTemplate standby;
  private static SynthesizedTemplate dns;
  private static Stack dnsStack;

  @BeforeAll
  static void synth() {
    App app = new App();
    Stack standbyStack = stack(app, "Standby", "eu-central-1");
    StandbyActivation.Builder.create(standbyStack, "Activation")
        .autoScalingGroupName("chat-frankfurt-fleet")
        .alarmName("chat-london-unhealthy")
        .minCapacity(2)
        .build();
    dnsStack = stack(app, "Dns", "us-east-1");
    AlarmEventRelay.Builder.create(dnsStack, "Relay").alarmName("chat-london-unhealthy").destinationRegion("eu-central-1").build();
    standby = new SynthesizedTemplate(Template.fromStack(standbyStack));
    dns = new SynthesizedTemplate(Template.fromStack(dnsStack));
  }

  private static Stack stack(App app, String id, String region) {
    return new Stack(app, id, StackProps.builder()
        .env(Environment.builder().account("111111111111").region(region).build()).build());
  }

  @Test
  void stateMachineRaisesOnlyTheMinimumOfTheStandbyGroup() throws Exception {
    JsonNode machine = standby.only("AWS::StepFunctions::StateMachine").path("Properties");
    JsonNode definition = new ObjectMapper().readTree(machine.path("DefinitionString").asText());
    JsonNode step = definition.at("/States/RaiseMinimum");
    assertThat(step.path("Resource").asText()).isEqualTo("arn:aws:states:::aws-sdk:autoscaling:updateAutoScalingGroup");
    assertThat(step.path("Parameters").toString()).isEqualTo("{\"AutoScalingGroupName\":\"chat-frankfurt-fleet\",\"MinSize\":2}");
    assertThat(machine.at("/LoggingConfiguration/Level").asText()).isEqualTo("ALL");
    assertThat(machine.at("/TracingConfiguration/Enabled").asBoolean()).isTrue();
  }

  @Test
  void stateMachineMayUpdateOnlyThatGroup() {
    assertThat(standby.text()).contains("\"Action\":\"autoscaling:UpdateAutoScalingGroup\"",
        "arn:aws:autoscaling:eu-central-1:111111111111:autoScalingGroup:*:autoScalingGroupName/chat-frankfurt-fleet");
  }

  @Test
  void ruleStartsTheMachineWhenThePrimarysAlarmEntersAlarm() {
    JsonNode rule = standby.only("AWS::Events::Rule").path("Properties");
    assertThat(rule.at("/EventPattern/detail/alarmName/0").asText()).isEqualTo("chat-london-unhealthy");
    assertThat(rule.at("/EventPattern/detail/state/value/0").asText()).isEqualTo("ALARM");
    assertThat(rule.at("/EventPattern/source/0").asText()).isEqualTo("aws.cloudwatch");
    assertThat(rule.at("/Targets/0/Arn/Ref").asText()).startsWith("ActivationStateMachine");
  }

  @Test
  void relayPutsTheEventOnTheStandbyRegionsDefaultBus() {
    JsonNode rule = dns.only("AWS::Events::Rule").path("Properties");
    assertThat(rule.at("/EventPattern/detail/alarmName/0").asText()).isEqualTo("chat-london-unhealthy");
    assertThat(rule.at("/Targets/0/Arn").toString()).contains("events:eu-central-1:", "event-bus/default");
    assertThat(dns.text()).contains("\"Action\":\"events:PutEvents\"");
  }

  @Test
  void aRelayIntoItsOwnRegionAndAZeroMinimumAreRefused() {
    assertThatThrownBy(() -> AlarmEventRelay.Builder.create(dnsStack, "Same").alarmName("a").destinationRegion("us-east-1").build())
        .hasMessageStartingWith("destinationRegion: us-east-1 is this stack's region");
    assertThatThrownBy(() -> StandbyActivation.Builder.create(dnsStack, "Zero").autoScalingGroupName("g").alarmName("a")
        .minCapacity(0).build())
        .hasMessage("minCapacity: 0 must be at least 1 (it wakes a fleet up)");
    assertThatThrownBy(() -> StandbyActivation.Builder.create(dnsStack, "NoAlarm").autoScalingGroupName("g").build())
        .hasMessage("alarmName: 'null' must be 1 to 255 printable ASCII characters");
  }
}
