package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.meridian.constructs.config.FallbackProvider;
import dev.meridian.constructs.config.GatewayConfig;
import dev.meridian.constructs.config.GatewayTask;
import dev.meridian.constructs.config.PinnedVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Terraform HostedApiFallback keeps the promises of its CDK twin, wired to a Terraform GpuFleet
 * as a stack would: a Bedrock gateway ({@code Gateway}) and an OpenAI-compatible one
 * ({@code ApiGateway}) on the same listener.
 */
class HostedApiFallbackTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEDROCK_MODEL_ARN =
      "arn:aws:bedrock:eu-west-2::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0";
  private static final String API_KEY_ARN = "arn:aws:secretsmanager:eu-west-2:111111111111:secret:openai-key-AbCdEf";
  private static TerraformStack stack;
  private static RegionNetwork network;
  private static GpuFleet fleet;
  private static String synthesized;
  private static JsonNode resources;

  @BeforeAll
  static void synthesize() throws Exception {
    stack = new TerraformStack(Testing.app(), "gateway");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    network = RegionNetwork.Builder.create(stack, "Network").build();
    fleet = GpuFleet.Builder.create(stack, "Fleet")
        .network(network)
        .region("eu-west-2")
        .modelName("meta-llama/Llama-3.1-8B-Instruct")
        .artifactBucketName("chat-artifacts-111111111111-eu-west-2")
        .artifactPrefix("models/llama-3.1-8b/")
        .modelVersion(PinnedVersion.of("2025-06-01"))
        .certificateArn("arn:aws:acm:eu-west-2:111111111111:certificate/0000")
        .build();
    wired("Gateway").build();
    wired("ApiGateway")
        .name("chat-london-api")
        .rulePriority(200)
        .fallback(FallbackProvider.openAiCompatible("https://api.openai.com/v1", "gpt-4o"))
        .fallbackApiKeyArn(API_KEY_ARN)
        .build();
    synthesized = Testing.synth(stack);
    resources = JSON.readTree(synthesized).path("resource");
  }

  /** A Bedrock gateway {@code id} wired to the fleet as the Terraform site stack does. */
  private static HostedApiFallback.Builder wired(String id) {
    return HostedApiFallback.Builder.create(stack, id)
        .network(network)
        .listenerArn(fleet.getHttpsListener().getArn())
        .loadBalancerSecurityGroupId(fleet.getLoadBalancerSecurityGroup().getId())
        .fleetTargetGroupArn(fleet.getTargetGroup().getArn())
        .modelName("meta-llama/Llama-3.1-8B-Instruct")
        .selfHostedApiBase("https://api.example.com/v1")
        .fallback(FallbackProvider.bedrock("eu-west-2", "anthropic.claude-3-5-sonnet-20240620-v1:0"))
        .region("eu-west-2");
  }

  /** The resources of {@code type} whose address starts with {@code prefix}. */
  private static List<JsonNode> startingWith(String prefix, String type) {
    List<JsonNode> out = new ArrayList<>();
    resources.path(type).fields().forEachRemaining(entry -> {
      if (entry.getKey().startsWith(prefix)) {
        out.add(entry.getValue());
      }
    });
    return out;
  }

  /** The resources of {@code type} that the gateway {@code id} made. */
  private static List<JsonNode> of(String gateway, String type) {
    return startingWith(gateway + "_", type);
  }

  private static JsonNode only(String gateway, String type) {
    List<JsonNode> found = of(gateway, type);
    assertThat(found).as(gateway + " " + type).hasSize(1);
    return found.get(0);
  }

  private static JsonNode container(String gateway) throws Exception {
    JsonNode definitions = JSON.readTree(only(gateway, "aws_ecs_task_definition").path("container_definitions").asText());
    assertThat(definitions).hasSize(1);
    return definitions.get(0);
  }

  private static List<String> names(JsonNode variables) {
    List<String> out = new ArrayList<>();
    variables.forEach(variable -> out.add(variable.path("name").asText()));
    return out;
  }

  /** The policy documents of the role policies {@code gateway} attaches under ids starting with {@code prefix}. */
  private static List<JsonNode> policies(String gateway, String prefix) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode policy : startingWith(gateway + "_" + prefix, "aws_iam_role_policy")) {
      out.add(JSON.readTree(policy.path("policy").asText()).path("Statement").get(0));
    }
    return out;
  }

  @Test
  void gatewayRunsTheLiteLlmImagePinnedByDigestAsTheSharedTaskSays() throws Exception {
    JsonNode container = container("Gateway");
    assertThat(container.path("image").asText()).isEqualTo(GatewayConfig.IMAGE).contains("@sha256:")
        .doesNotContain("1.82.7", "1.82.8");
    assertThat(container.path("name").asText()).isEqualTo(GatewayTask.CONTAINER);
    assertThat(container.path("command").get(0).asText()).isEqualTo(GatewayTask.COMMAND.get(0));
    assertThat(container.path("portMappings").get(0).path("containerPort").asInt()).isEqualTo(GatewayConfig.PORT);
    JsonNode task = only("Gateway", "aws_ecs_task_definition");
    assertThat(task.path("requires_compatibilities").get(0).asText()).isEqualTo("FARGATE");
    assertThat(task.path("cpu").asText()).isEqualTo("512");
    assertThat(task.path("memory").asText()).isEqualTo("1024");
    assertThat(task.path("family").asText()).isEqualTo("Gateway");
    assertThat(only("ApiGateway", "aws_ecs_task_definition").path("family").asText()).isEqualTo("chat-london-api");
  }

  @Test
  void configAndKeysReachTheContainerOnlyAsReferences() throws Exception {
    JsonNode secrets = container("Gateway").path("secrets");
    assertThat(names(secrets)).containsExactly("GATEWAY_CONFIG", "GATEWAY_MASTER_KEY");
    assertThat(secrets.get(0).path("valueFrom").asText()).startsWith("${aws_ssm_parameter.Gateway_Config_").endsWith(".arn}");
    assertThat(secrets.get(1).path("valueFrom").asText())
        .startsWith("${aws_secretsmanager_secret.Gateway_MasterKey_").endsWith(".arn}");
    assertThat(names(container("Gateway").path("environment"))).containsExactly(GatewayConfig.SELF_HOSTED_KEY_VARIABLE);
    JsonNode apiSecrets = container("ApiGateway").path("secrets");
    assertThat(names(apiSecrets)).containsExactly(FallbackProvider.API_KEY_VARIABLE, "GATEWAY_CONFIG", "GATEWAY_MASTER_KEY");
    assertThat(apiSecrets.get(0).path("valueFrom").asText()).isEqualTo(API_KEY_ARN);
  }

  @Test
  void containerLogsGoToTheEncryptedUserLogGroupKeptWithItsKey() throws Exception {
    JsonNode options = container("Gateway").path("logConfiguration").path("options");
    assertThat(options.path("awslogs-group").asText()).startsWith("${aws_cloudwatch_log_group.Gateway_Logs_");
    assertThat(options.path("awslogs-region").asText()).isEqualTo("eu-west-2");
    JsonNode group = only("Gateway", "aws_cloudwatch_log_group");
    assertThat(group.path("retention_in_days").asInt()).isEqualTo(30);
    assertThat(group.path("tags").path("meridian:data-class").asText()).isEqualTo("user");
    assertThat(group.path("kms_key_id").asText()).startsWith("${aws_kms_key.Gateway_LogsKey_");
    assertThat(group.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
    JsonNode key = only("Gateway", "aws_kms_key");
    assertThat(key.path("enable_key_rotation").asBoolean()).isTrue();
    assertThat(key.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
    JsonNode logsStatement = JSON.readTree(key.path("policy").asText()).path("Statement").get(1);
    assertThat(logsStatement.path("Principal").path("Service").asText()).isEqualTo("logs.eu-west-2.amazonaws.com");
    assertThat(logsStatement.path("Condition").path("ArnLike").path("kms:EncryptionContext:aws:logs:arn").asText())
        .startsWith("arn:aws:logs:eu-west-2:${data.aws_caller_identity.Gateway_Caller_").endsWith(":log-group:*");
  }

  @Test
  void configParameterFallsBackFromTheFleetToBedrock() {
    JsonNode parameter = only("Gateway", "aws_ssm_parameter");
    assertThat(parameter.path("name").asText()).isEqualTo("/meridian/Gateway/gateway/config");
    assertThat(parameter.path("type").asText()).isEqualTo("String");
    assertThat(parameter.path("value").asText()).contains("model: bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0",
        "aws_region_name: eu-west-2", "fallbacks:", "api_base: https://api.example.com/v1",
        "master_key: os.environ/LITELLM_MASTER_KEY");
  }

  @Test
  void taskMayInvokeOnlyTheFallbackModelInItsRegion() throws Exception {
    assertThat(policies("Gateway", "TaskRole")).singleElement().satisfies(statement -> {
      assertThat(statement.path("Action").toString())
          .isEqualTo("[\"bedrock:InvokeModel\",\"bedrock:InvokeModelWithResponseStream\"]");
      assertThat(statement.path("Resource").toString()).isEqualTo("[\"" + BEDROCK_MODEL_ARN + "\"]");
    });
    assertThat(policies("ApiGateway", "TaskRole")).isEmpty();
    assertThat(synthesized.split("bedrock:InvokeModel\\\\\"", -1)).hasSize(2);
  }

  @Test
  void executionRoleReadsOnlyItsConfigAndKeysAndWritesOnlyItsLogs() throws Exception {
    List<JsonNode> bedrock = policies("Gateway", "ExecutionRole");
    assertThat(bedrock).extracting(statement -> statement.path("Action").toString()).containsExactlyInAnyOrder(
        "[\"ssm:GetParameters\"]", "[\"secretsmanager:GetSecretValue\"]", "[\"logs:CreateLogStream\",\"logs:PutLogEvents\"]");
    assertThat(bedrock).extracting(statement -> statement.path("Resource").toString()).allSatisfy(resource ->
        assertThat(resource).doesNotContain("\"*\"").contains("${"));
    JsonNode apiKeys = policies("ApiGateway", "ExecutionRoleSecrets").get(0);
    assertThat(apiKeys.path("Resource")).hasSize(2);
    assertThat(apiKeys.path("Resource").get(1).asText()).isEqualTo(API_KEY_ARN);
  }

  @Test
  void gatewaysOwnCallsGoToTheFleetAndClientCallsToTheGateway() {
    List<JsonNode> rules = of("Gateway", "aws_lb_listener_rule");
    assertThat(rules).hasSize(2).allSatisfy(rule ->
        assertThat(rule.path("listener_arn").asText()).startsWith("${aws_lb_listener.Fleet_Https_"));
    JsonNode header = rules.stream().filter(r -> r.path("priority").asInt() == 100).findFirst().orElseThrow();
    JsonNode headerCondition = header.path("condition").get(0).path("http_header");
    assertThat(headerCondition.path("http_header_name").asText()).isEqualTo("x-meridian-route");
    assertThat(headerCondition.path("values").get(0).asText()).isEqualTo("self-hosted");
    assertThat(header.path("action").get(0).path("target_group_arn").asText()).startsWith("${aws_lb_target_group.Fleet_TargetGroup_");
    JsonNode path = rules.stream().filter(r -> r.path("priority").asInt() == 101).findFirst().orElseThrow();
    assertThat(path.path("condition").get(0).path("path_pattern").path("values").get(0).asText()).isEqualTo("/v1/*");
    assertThat(path.path("action").get(0).path("target_group_arn").asText()).startsWith("${aws_lb_target_group.Gateway_TargetGroup_");
    assertThat(of("ApiGateway", "aws_lb_listener_rule")).extracting(rule -> rule.path("priority").asInt())
        .containsExactlyInAnyOrder(200, 201);
    JsonNode targets = only("Gateway", "aws_lb_target_group");
    assertThat(targets.path("target_type").asText()).isEqualTo("ip");
    assertThat(targets.path("port").asInt()).isEqualTo(GatewayConfig.PORT);
    assertThat(targets.path("health_check").path("path").asText()).isEqualTo(GatewayConfig.HEALTH_PATH);
  }

  @Test
  void gatewayPortIsOpenOnlyToTheLoadBalancerAndTasksGoOutOnlyOverHttps() {
    JsonNode group = only("Gateway", "aws_security_group");
    assertThat(group.path("ingress")).singleElement().satisfies(rule -> {
      assertThat(rule.path("from_port").asInt()).isEqualTo(GatewayConfig.PORT);
      assertThat(rule.path("to_port").asInt()).isEqualTo(GatewayConfig.PORT);
      assertThat(rule.path("cidr_blocks")).isEmpty();
      assertThat(rule.path("security_groups")).singleElement().satisfies(source ->
          assertThat(source.asText()).startsWith("${aws_security_group.Fleet_LoadBalancerSecurityGroup_"));
    });
    assertThat(group.path("egress")).singleElement().satisfies(rule -> {
      assertThat(rule.path("protocol").asText()).isEqualTo("tcp");
      assertThat(rule.path("from_port").asInt()).isEqualTo(443);
      assertThat(rule.path("to_port").asInt()).isEqualTo(443);
    });
    JsonNode loadBalancerEgress = only("Gateway", "aws_vpc_security_group_egress_rule");
    assertThat(loadBalancerEgress.path("security_group_id").asText()).startsWith("${aws_security_group.Fleet_LoadBalancerSecurityGroup_");
    assertThat(loadBalancerEgress.path("referenced_security_group_id").asText()).startsWith("${aws_security_group.Gateway_SecurityGroup_");
    assertThat(loadBalancerEgress.path("from_port").asInt()).isEqualTo(GatewayConfig.PORT);
    assertThat(loadBalancerEgress.path("to_port").asInt()).isEqualTo(GatewayConfig.PORT);
  }

  @Test
  void serviceRollsBackAFailedDeploymentAndStartsOnlyOnceItsRuleAndRolesExist() {
    JsonNode service = only("Gateway", "aws_ecs_service");
    assertThat(service.path("name").asText()).isEqualTo("Gateway");
    assertThat(service.path("desired_count").asInt()).isEqualTo(2);
    assertThat(service.path("launch_type").asText()).isEqualTo("FARGATE");
    assertThat(service.path("deployment_circuit_breaker").path("enable").asBoolean()).isTrue();
    assertThat(service.path("deployment_circuit_breaker").path("rollback").asBoolean()).isTrue();
    assertThat(service.path("deployment_minimum_healthy_percent").asInt()).isEqualTo(100);
    assertThat(service.path("health_check_grace_period_seconds").asInt()).isEqualTo(120);
    JsonNode placement = service.path("network_configuration");
    assertThat(placement.path("assign_public_ip").asBoolean()).isFalse();
    assertThat(placement.path("subnets")).hasSize(2).allSatisfy(subnet ->
        assertThat(subnet.asText()).startsWith("${aws_subnet.Network_Private"));
    JsonNode target = service.path("load_balancer").get(0);
    assertThat(target.path("container_name").asText()).isEqualTo(GatewayTask.CONTAINER);
    assertThat(target.path("container_port").asInt()).isEqualTo(GatewayConfig.PORT);
    assertThat(service.path("depends_on").toString()).contains("aws_lb_listener_rule.Gateway_GatewayRule_",
        "aws_iam_role_policy.Gateway_ExecutionRoleSecrets_", "aws_iam_role_policy.Gateway_TaskRoleBedrock_",
        "aws_secretsmanager_secret_version.Gateway_MasterKeyVersion_");
    assertThat(only("Gateway", "aws_ecs_cluster").path("setting").get(0).path("value").asText()).isEqualTo("enabled");
  }

  @Test
  void masterKeyIsGeneratedOnceOutsideTheJsonAndTaggedUser() {
    JsonNode secret = only("Gateway", "aws_secretsmanager_secret");
    assertThat(secret.path("name").asText()).isEqualTo("meridian/Gateway/gateway/master-key");
    assertThat(secret.path("tags").path("meridian:data-class").asText()).isEqualTo("user");
    JsonNode version = only("Gateway", "aws_secretsmanager_secret_version");
    assertThat(version.path("secret_string").asText())
        .startsWith("${data.aws_secretsmanager_random_password.Gateway_MasterKeyValue_");
    assertThat(version.path("lifecycle").path("ignore_changes").toString()).contains("secret_string");
    assertThat(startingWith("", "aws_secretsmanager_secret_version")).allSatisfy(anyVersion ->
        assertThat(anyVersion.path("secret_string").asText()).startsWith("${data.").endsWith("}"));
  }

  @Test
  void openAiCompatibleFallbackWithoutAKeyIsRefused() {
    assertThatThrownBy(() -> wired("NoKey")
        .fallback(FallbackProvider.openAiCompatible("https://api.openai.com/v1", "gpt-4o")).build())
        .hasMessage("fallbackApiKeyArn: missing; an OpenAI-compatible fallback needs the secret holding its API key");
    assertThatThrownBy(() -> wired("BedrockKey").fallbackApiKeyArn(API_KEY_ARN).build())
        .hasMessage("fallbackApiKeyArn: given for Bedrock, which uses the task role; leave it out");
  }

  @Test
  void propsTerraformCannotTakeAreRefused() {
    assertThatThrownBy(() -> wired("BadName").name("chat london").build())
        .hasMessageStartingWith("name: 'chat london' must be 1-64 letters, digits, '-' or '_'");
    assertThatThrownBy(() -> wired("BadRegion").region(null).build())
        .hasMessage("region: 'null' is not an AWS region code; use e.g. eu-west-2");
    assertThatThrownBy(() -> wired("BadCpu").cpu(300).build())
        .hasMessage("cpu: 300 is not a Fargate CPU size; use 256, 512, 1024, 2048 or 4096");
    assertThatThrownBy(() -> wired("BadPriority").rulePriority(49999).build())
        .hasMessage("rulePriority: 49999 must be between 1 and 49998");
    assertThatThrownBy(() -> wired("BadListener").listenerArn(null).build())
        .hasMessageStartingWith("listenerArn: missing");
  }
}
