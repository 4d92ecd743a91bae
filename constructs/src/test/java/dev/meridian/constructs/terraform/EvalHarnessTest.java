package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.meridian.constructs.config.EvalTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two sites evaluated from a stack in eu-west-2, results into a bucket in us-east-1. */
class EvalHarnessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = "chat-hub-eval-111111111111-us-east-1";
  private static final List<EvalTarget> TARGETS = List.of(
      new EvalTarget("eu", "https://eu.api.example.com/v1"), new EvalTarget("us", "https://us.api.example.com/v1"));
  private static TerraformStack stack;
  private static RegionNetwork network;
  private static String synthesized;
  private static JsonNode resources;

  @BeforeAll
  static void synthesize() throws Exception {
    stack = new TerraformStack(Testing.app(), "eval");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    network = RegionNetwork.Builder.create(stack, "Network").build();
    harness(stack, network, "Eval").build();
    synthesized = Testing.synth(stack);
    resources = JSON.readTree(synthesized).path("resource");
  }

  private static EvalHarness.Builder harness(TerraformStack stack, RegionNetwork network, String id) {
    return EvalHarness.Builder.create(stack, id)
        .network(network)
        .image("ghcr.io/acme/evals:1.4.0")
        .suiteVersion("1.4.0")
        .targets(TARGETS)
        .resultsBucketName(BUCKET)
        .region("eu-west-2");
  }

  private static JsonNode only(String type) {
    assertThat(resources.path(type).size()).as(type).isEqualTo(1);
    return resources.path(type).elements().next();
  }

  /** The reference {@code ${type.name.attribute}} to the harness's only resource of a type. */
  private static String reference(String type, String attribute) {
    List<String> names = new ArrayList<>();
    resources.path(type).fieldNames().forEachRemaining(names::add);
    names.removeIf(name -> !name.startsWith("Eval_"));
    assertThat(names).as(type).hasSize(1);
    return "${" + type + "." + names.get(0) + "." + attribute + "}";
  }

  /** The harness's only resource of a type (the network has its own log group and key). */
  private static JsonNode ofHarness(String type) {
    String reference = reference(type, "id");
    return resources.path(type).path(reference.substring(reference.indexOf('.') + 1, reference.lastIndexOf('.')));
  }

  private static List<JsonNode> all(String type) {
    List<JsonNode> nodes = new ArrayList<>();
    resources.path(type).elements().forEachRemaining(nodes::add);
    return nodes;
  }

  /** The parsed policy of the role policy whose Terraform name contains {@code idPart}. */
  private static JsonNode rolePolicy(String idPart) throws Exception {
    List<String> names = new ArrayList<>();
    resources.path("aws_iam_role_policy").fieldNames().forEachRemaining(names::add);
    String name = names.stream().filter(n -> n.contains(idPart)).findFirst().orElseThrow();
    return JSON.readTree(resources.path("aws_iam_role_policy").path(name).path("policy").asText());
  }

  private static JsonNode role(String name) throws Exception {
    JsonNode role = all("aws_iam_role").stream().filter(r -> r.path("name").asText().equals(name)).findFirst().orElseThrow();
    return JSON.readTree(role.path("assume_role_policy").asText());
  }

  @Test
  void everySiteGetsItsOwnNamedScheduleOnTheSameTaskWithoutRetries() throws Exception {
    List<JsonNode> schedules = all("aws_scheduler_schedule");
    assertThat(schedules).extracting(s -> s.path("name").asText()).containsExactly("Eval-eu", "Eval-us");
    assertThat(schedules).extracting(s -> s.path("schedule_expression").asText()).containsOnly("rate(1 day)");
    assertThat(schedules).extracting(s -> s.at("/flexible_time_window/mode").asText()).containsOnly("OFF");
    assertThat(schedules).extracting(s -> s.at("/target/retry_policy/maximum_retry_attempts").asInt()).containsOnly(0);
    assertThat(schedules).extracting(s -> s.at("/target/arn").asText()).containsOnly(reference("aws_ecs_cluster", "arn"));
    assertThat(schedules).extracting(s -> s.at("/target/ecs_parameters/task_definition_arn").asText())
        .containsOnly(reference("aws_ecs_task_definition", "arn"));
    JsonNode environment = JSON.readTree(schedules.get(0).at("/target/input").asText()).at("/containerOverrides/0");
    assertThat(environment.path("name").asText()).isEqualTo("eval");
    assertThat(environment.path("environment").toString()).isEqualTo("[{\"name\":\"SITE\",\"value\":\"eu\"},"
        + "{\"name\":\"TARGET_URL\",\"value\":\"https://eu.api.example.com/v1\"},"
        + "{\"name\":\"RESULTS_PREFIX\",\"value\":\"eval-results/eu/1.4.0/\"}]");
    assertThat(schedules.get(1).at("/target/input").asText()).contains("eval-results/us/1.4.0/", "https://us.api.example.com/v1");
  }

  @Test
  void tasksRunOnFargateInThePrivateSubnetsWithoutPublicAddresses() {
    JsonNode ecs = all("aws_scheduler_schedule").get(0).at("/target/ecs_parameters");
    assertThat(ecs.path("launch_type").asText()).isEqualTo("FARGATE");
    assertThat(ecs.path("task_count").asInt()).isEqualTo(1);
    JsonNode vpc = ecs.path("network_configuration");
    assertThat(vpc.path("assign_public_ip").asBoolean(true)).isFalse();
    assertThat(vpc.path("subnets").toString()).contains("aws_subnet.Network_Private1", "aws_subnet.Network_Private2")
        .doesNotContain("Public");
    assertThat(vpc.path("security_groups").toString()).contains("aws_security_group.Eval_SecurityGroup");
  }

  @Test
  void securityGroupAllowsOnlyOutboundHttps() {
    JsonNode group = all("aws_security_group").stream()
        .filter(g -> g.path("description").asText().startsWith("Eval tasks")).findFirst().orElseThrow();
    assertThat(group.path("ingress").isArray()).isTrue();
    assertThat(group.path("ingress")).isEmpty();
    assertThat(group.path("egress")).hasSize(1);
    JsonNode egress = group.path("egress").get(0);
    assertThat(egress.path("protocol").asText()).isEqualTo("tcp");
    assertThat(egress.path("from_port").asInt()).isEqualTo(443);
    assertThat(egress.path("to_port").asInt()).isEqualTo(443);
  }

  @Test
  void containerCarriesTheImageSuiteVersionAndBucketAndLogsToTheHarnessLogGroup() throws Exception {
    JsonNode task = only("aws_ecs_task_definition");
    assertThat(task.path("family").asText()).isEqualTo("Eval");
    assertThat(task.path("cpu").asText()).isEqualTo("1024");
    assertThat(task.path("memory").asText()).isEqualTo("2048");
    assertThat(task.path("network_mode").asText()).isEqualTo("awsvpc");
    assertThat(task.path("requires_compatibilities").toString()).isEqualTo("[\"FARGATE\"]");
    JsonNode container = JSON.readTree(task.path("container_definitions").asText()).get(0);
    assertThat(container.path("name").asText()).isEqualTo("eval");
    assertThat(container.path("image").asText()).isEqualTo("ghcr.io/acme/evals:1.4.0");
    assertThat(container.path("environment").toString()).isEqualTo("[{\"name\":\"RESULTS_BUCKET\",\"value\":\"" + BUCKET
        + "\"},{\"name\":\"SUITE_VERSION\",\"value\":\"1.4.0\"}]");
    assertThat(container.at("/logConfiguration/logDriver").asText()).isEqualTo("awslogs");
    assertThat(container.at("/logConfiguration/options").toString()).isEqualTo("{\"awslogs-group\":\""
        + reference("aws_cloudwatch_log_group", "name") + "\",\"awslogs-region\":\"eu-west-2\",\"awslogs-stream-prefix\":\"eval\"}");
    assertThat(task.path("task_role_arn").asText()).contains("aws_iam_role.Eval_TaskRole");
    assertThat(task.path("execution_role_arn").asText()).contains("aws_iam_role.Eval_ExecutionRole");
  }

  @Test
  void taskMayOnlyPutObjectsUnderEvalResults() throws Exception {
    assertThat(role("Eval-task").at("/Statement/0/Principal/Service").asText()).isEqualTo("ecs-tasks.amazonaws.com");
    JsonNode statement = rolePolicy("TaskRoleResults").at("/Statement/0");
    assertThat(statement.path("Action").toString()).isEqualTo("[\"s3:PutObject\"]");
    assertThat(statement.path("Resource").toString()).isEqualTo("[\"arn:aws:s3:::" + BUCKET + "/eval-results/*\"]");
    assertThat(resources.path("aws_iam_role_policy").toString()).doesNotContain("s3:DeleteObject", "s3:GetObject", "s3:*");
  }

  @Test
  void executionRoleMayOnlyWriteToTheHarnessLogGroup() throws Exception {
    JsonNode statement = rolePolicy("ExecutionRoleLogs").at("/Statement/0");
    assertThat(statement.path("Action").toString()).isEqualTo("[\"logs:CreateLogStream\",\"logs:PutLogEvents\"]");
    String group = reference("aws_cloudwatch_log_group", "arn");
    assertThat(statement.path("Resource").toString()).isEqualTo("[\"" + group + "\",\"" + group + ":*\"]");
  }

  @Test
  void schedulerMayOnlyRunTheEvalTaskFamilyInItsClusterAndPassItsTwoRoles() throws Exception {
    JsonNode trust = role("Eval-scheduler").at("/Statement/0");
    assertThat(trust.at("/Principal/Service").asText()).isEqualTo("scheduler.amazonaws.com");
    assertThat(trust.at("/Condition/StringEquals/aws:SourceAccount").asText()).contains("data.aws_caller_identity.Eval_Caller");
    JsonNode run = rolePolicy("SchedulerRoleRunTask").at("/Statement/0");
    assertThat(run.path("Action").toString()).isEqualTo("[\"ecs:RunTask\"]");
    assertThat(run.path("Resource").toString())
        .isEqualTo("[\"" + reference("aws_ecs_task_definition", "arn_without_revision") + ":*\"]");
    assertThat(run.at("/Condition/ArnEquals/ecs:cluster").asText()).isEqualTo(reference("aws_ecs_cluster", "arn"));
    JsonNode pass = rolePolicy("SchedulerRolePassRole").at("/Statement/0");
    assertThat(pass.path("Action").toString()).isEqualTo("[\"iam:PassRole\"]");
    assertThat(pass.path("Resource")).hasSize(2);
    assertThat(pass.path("Resource").toString()).contains("aws_iam_role.Eval_TaskRole", "aws_iam_role.Eval_ExecutionRole");
  }

  @Test
  void clusterIsNamedAndHasContainerInsights() {
    JsonNode cluster = only("aws_ecs_cluster");
    assertThat(cluster.path("name").asText()).isEqualTo("Eval");
    assertThat(cluster.path("setting").toString()).isEqualTo("[{\"name\":\"containerInsights\",\"value\":\"enabled\"}]");
  }

  @Test
  void logsAreEncryptedWithTheirOwnKeyRetainedAndTaggedDerived() throws Exception {
    JsonNode group = ofHarness("aws_cloudwatch_log_group");
    assertThat(group.path("kms_key_id").asText()).isEqualTo(reference("aws_kms_key", "arn"));
    assertThat(group.path("retention_in_days").asInt()).isEqualTo(30);
    assertThat(group.path("tags").path("meridian:data-class").asText()).isEqualTo("derived");
    assertThat(group.at("/lifecycle/prevent_destroy").asBoolean()).isTrue();
    JsonNode key = ofHarness("aws_kms_key");
    assertThat(key.path("enable_key_rotation").asBoolean()).isTrue();
    assertThat(key.at("/lifecycle/prevent_destroy").asBoolean()).isTrue();
    JsonNode logs = JSON.readTree(key.path("policy").asText()).at("/Statement/1");
    assertThat(logs.at("/Principal/Service").asText()).isEqualTo("logs.eu-west-2.amazonaws.com");
    assertThat(logs.at("/Condition/ArnLike/kms:EncryptionContext:aws:logs:arn").asText())
        .startsWith("arn:aws:logs:eu-west-2:").endsWith(":log-group:*");
  }

  @Test
  void synthesisIsDeterministic() {
    TerraformStack again = new TerraformStack(Testing.app(), "eval");
    new AwsProvider(again, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    harness(again, RegionNetwork.Builder.create(again, "Network").build(), "Eval").build();
    assertThat(Testing.synth(again)).isEqualTo(synthesized);
  }

  @Test
  void nameSetsEveryRequiredName() throws Exception {
    TerraformStack named = new TerraformStack(Testing.app(), "named");
    new AwsProvider(named, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    harness(named, RegionNetwork.Builder.create(named, "Network").build(), "Eval").name("chat-evals").build();
    JsonNode synth = JSON.readTree(Testing.synth(named)).path("resource");
    assertThat(synth.path("aws_ecs_cluster").elements().next().path("name").asText()).isEqualTo("chat-evals");
    assertThat(synth.path("aws_ecs_task_definition").elements().next().path("family").asText()).isEqualTo("chat-evals");
    List<String> roles = new ArrayList<>();
    synth.path("aws_iam_role").elements().forEachRemaining(r -> roles.add(r.path("name").asText()));
    assertThat(roles).contains("chat-evals-task", "chat-evals-execution", "chat-evals-scheduler");
    List<String> schedules = new ArrayList<>();
    synth.path("aws_scheduler_schedule").elements().forEachRemaining(s -> schedules.add(s.path("name").asText()));
    assertThat(schedules).containsExactly("chat-evals-eu", "chat-evals-us");
  }

  @Test
  void aScheduleThatSchedulerCannotReadIsRefused() {
    assertThatThrownBy(() -> harness(stack, network, "Bad").schedule("daily").build())
        .hasMessageStartingWith("schedule: 'daily' is not a schedule;");
  }

  @Test
  void aSiteListedTwiceIsRefused() {
    EvalTarget eu = new EvalTarget("eu", "https://eu.example.com");
    assertThatThrownBy(() -> harness(stack, network, "Twice").targets(List.of(eu, eu)).build())
        .hasMessage("targets: a site appears twice in [eu, eu]; list each once");
  }

  @Test
  void aPlainHttpEndpointIsRefusedBecauseOnlyHttpsMayLeave() {
    assertThatThrownBy(() -> harness(stack, network, "Http")
        .targets(List.of(new EvalTarget("eu", "http://eu.api.example.com/v1"))).build())
        .hasMessage("targets: eu's endpoint 'http://eu.api.example.com/v1' is not HTTPS; the eval tasks may only connect out over HTTPS");
  }

  @Test
  void propsTerraformNeedsAreChecked() {
    assertThatThrownBy(() -> harness(stack, network, "NoRegion").region(null).build())
        .hasMessage("region: 'null' is not an AWS region code; use e.g. eu-west-2");
    assertThatThrownBy(() -> harness(stack, network, "NoBucket").resultsBucketName(" ").build())
        .hasMessageStartingWith("resultsBucketName: ' ' must be a bucket name");
    assertThatThrownBy(() -> harness(stack, network, "Spaces").name("eval harness").build())
        .hasMessage("name: 'eval harness' must be 1-54 letters, digits, '-' or '_', starting with a letter or digit");
    assertThatThrownBy(() -> harness(stack, network, "Long").name("e".repeat(54))
        .targets(List.of(new EvalTarget("europe-west", "https://eu.example.com"))).build())
        .hasMessageStartingWith("targets: the schedule name 'eeee").hasMessageEndingWith("shorten name or the site");
  }

  @Test
  void fargateSizesAndRetentionsAreChecked() {
    assertThatThrownBy(() -> harness(stack, network, "Cpu").cpu(1000).build())
        .hasMessage("cpu: 1000 is not a Fargate CPU size; use 256, 512, 1024, 2048, 4096, 8192 or 16384");
    assertThatThrownBy(() -> harness(stack, network, "Retention").logRetentionDays(10).build())
        .hasMessageStartingWith("logRetentionDays: 10 days is not a CloudWatch Logs retention");
  }

  @Test
  void noSecretsInTheOutput() {
    assertThat(synthesized).doesNotContainIgnoringCase("password").doesNotContain("secret_string")
        .doesNotContainPattern("AKIA[0-9A-Z]{16}");
  }
}
