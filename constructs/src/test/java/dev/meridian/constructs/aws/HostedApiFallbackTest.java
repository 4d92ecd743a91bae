package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.constructs.config.FallbackProvider;
import dev.meridian.constructs.config.GatewayConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;

class HostedApiFallbackTest {

  private static SynthesizedTemplate template;
  private static Stack stack;
  private static Vpc vpc;
  private static ApplicationListener listener;
  private static ApplicationTargetGroup fleet;
  private static String fleetGroupId;
  private static String loadBalancerGroupId;

  @BeforeAll
  static void synth() {
    stack = new Stack(new App(), "Single");
    vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).build();
    ApplicationLoadBalancer loadBalancer = ApplicationLoadBalancer.Builder.create(stack, "Lb").vpc(vpc).internetFacing(true).build();
    fleet = ApplicationTargetGroup.Builder.create(stack, "Fleet").vpc(vpc).port(8000).protocol(ApplicationProtocol.HTTP).build();
    listener = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
        .port(443)
        .certificates(List.of(ListenerCertificate.fromCertificateManager(Certificate.fromCertificateArn(stack, "Cert",
            "arn:aws:acm:eu-west-2:111111111111:certificate/0000"))))
        .defaultTargetGroups(List.of(fleet))
        .build());
    HostedApiFallback.Builder.create(stack, "Gateway")
        .vpc(vpc)
        .listener(listener)
        .fleetTargetGroup(fleet)
        .modelName("meta-llama/Llama-3.1-8B-Instruct")
        .selfHostedApiBase("https://api.example.com/v1")
        .fallback(FallbackProvider.bedrock("eu-west-2", "anthropic.claude-3-5-sonnet-20240620-v1:0"))
        .build();
    fleetGroupId = stack.getLogicalId((software.amazon.awscdk.CfnElement) fleet.getNode().getDefaultChild());
    loadBalancerGroupId = stack.getLogicalId((software.amazon.awscdk.CfnElement)
        loadBalancer.getConnections().getSecurityGroups().get(0).getNode().getDefaultChild());
    template = new SynthesizedTemplate(Template.fromStack(stack));
  }

  @Test
  void gatewayRunsTheLiteLlmImagePinnedByDigest() {
    String image = container().path("Image").asText();
    assertThat(image).isEqualTo(GatewayConfig.IMAGE).contains("@sha256:").doesNotContain("1.82.7", "1.82.8");
  }

  @Test
  void configAndKeysReachTheContainerOnlyAsReferences() {
    JsonNode secrets = container().path("Secrets");
    assertThat(secrets.findValuesAsText("Name")).containsExactly("GATEWAY_CONFIG", "GATEWAY_MASTER_KEY");
    assertThat(secrets.toString()).contains("arn:").contains("Ref");
    assertThat(container().path("Environment").findValuesAsText("Name")).containsExactly("SELF_HOSTED_API_KEY");
  }

  @Test
  void configParameterFallsBackFromTheFleetToBedrock() {
    String yaml = template.resources("AWS::SSM::Parameter").values().iterator().next().at("/Properties/Value").asText();
    assertThat(yaml).contains("model: bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0", "aws_region_name: eu-west-2",
        "fallbacks:", "api_base: https://api.example.com/v1", "master_key: os.environ/LITELLM_MASTER_KEY");
  }

  @Test
  void taskMayInvokeOnlyTheFallbackModelInItsRegion() {
    assertThat(template.text())
        .contains("\"Action\":[\"bedrock:InvokeModel\",\"bedrock:InvokeModelWithResponseStream\"],\"Effect\":\"Allow\","
            + "\"Resource\":\"arn:aws:bedrock:eu-west-2::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0\"");
  }

  @Test
  void gatewaysOwnCallsGoToTheFleetAndClientCallsToTheGateway() {
    Map<String, JsonNode> rules = template.resources("AWS::ElasticLoadBalancingV2::ListenerRule");
    assertThat(rules).hasSize(2);
    JsonNode header = rules.values().stream().filter(r -> r.at("/Properties/Priority").asInt() == 100).findFirst().orElseThrow();
    assertThat(header.at("/Properties/Conditions/0/HttpHeaderConfig/HttpHeaderName").asText()).isEqualTo("x-meridian-route");
    assertThat(header.at("/Properties/Actions/0/TargetGroupArn/Ref").asText()).isEqualTo(fleetGroupId);
    JsonNode path = rules.values().stream().filter(r -> r.at("/Properties/Priority").asInt() == 101).findFirst().orElseThrow();
    assertThat(path.at("/Properties/Conditions/0/PathPatternConfig/Values/0").asText()).isEqualTo("/v1/*");
    assertThat(path.at("/Properties/Actions/0/TargetGroupArn/Ref").asText()).isNotEqualTo(fleetGroupId);
  }

  @Test
  void gatewayPortIsOpenOnlyToTheLoadBalancer() {
    List<JsonNode> ingress = template.resources("AWS::EC2::SecurityGroupIngress").values().stream()
        .filter(rule -> rule.at("/Properties/FromPort").asInt() == GatewayConfig.PORT).toList();
    assertThat(ingress).hasSize(1);
    assertThat(ingress.get(0).at("/Properties/SourceSecurityGroupId/Fn::GetAtt/0").asText()).isEqualTo(loadBalancerGroupId);
  }

  @Test
  void gatewayTasksGoOutOnHttpsOnly() {
    JsonNode group = template.resources("AWS::EC2::SecurityGroup").values().stream()
        .filter(g -> g.at("/Properties/GroupDescription").asText().startsWith("Gateway tasks"))
        .findFirst().orElseThrow();
    assertThat(group.at("/Properties/SecurityGroupEgress")).hasSize(1);
    assertThat(group.at("/Properties/SecurityGroupEgress/0/FromPort").asInt()).isEqualTo(443);
    assertThat(group.at("/Properties/SecurityGroupEgress/0/ToPort").asInt()).isEqualTo(443);
    assertThat(template.only("AWS::ECS::Service").at("/Properties/NetworkConfiguration/AwsvpcConfiguration/SecurityGroups"))
        .hasSize(1);
  }

  @Test
  void serviceRollsBackADeploymentWhoseTasksDoNotBecomeHealthy() {
    JsonNode breaker = template.only("AWS::ECS::Service").at("/Properties/DeploymentConfiguration/DeploymentCircuitBreaker");
    assertThat(breaker.path("Enable").asBoolean()).isTrue();
    assertThat(breaker.path("Rollback").asBoolean()).isTrue();
  }

  @Test
  void openAiCompatibleFallbackWithoutAKeyIsRefused() {
    assertThatThrownBy(() -> HostedApiFallback.Builder.create(stack, "NoKey").vpc(vpc).listener(listener)
        .fleetTargetGroup(fleet).modelName("m").selfHostedApiBase("https://api.example.com/v1")
        .fallback(FallbackProvider.openAiCompatible("https://api.openai.com/v1", "gpt-4o")).build())
        .hasMessage("fallbackApiKey: missing; an OpenAI-compatible fallback needs the secret holding its API key");
  }

  @Test
  void noSecrets() {
    template.assertNoSecrets();
  }

  private static JsonNode container() {
    return template.only("AWS::ECS::TaskDefinition").at("/Properties/ContainerDefinitions/0");
  }
}
