package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meridian.constructs.config.EvalTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;

class EvalHarnessTest {

  private static SynthesizedTemplate template;
  private static Stack stack;
  private static Vpc vpc;
  private static IBucket results;

  @BeforeAll
  static void synth() {
    stack = new Stack(new App(), "Eval");
    vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).build();
    results = Bucket.fromBucketName(stack, "Results", "chat-hub-eval-111111111111-us-east-1");
    EvalHarness.Builder.create(stack, "Eval")
        .vpc(vpc)
        .image("ghcr.io/acme/evals:1.4.0")
        .suiteVersion("1.4.0")
        .targets(List.of(new EvalTarget("eu", "https://eu.api.example.com/v1"), new EvalTarget("us", "https://us.api.example.com/v1")))
        .resultsBucket(results)
        .schedule("rate(1 day)")
        .build();
    template = new SynthesizedTemplate(Template.fromStack(stack));
  }

  @Test
  void everySiteGetsItsOwnScheduleOnTheSameTask() throws Exception {
    Map<String, JsonNode> schedules = template.resources("AWS::Scheduler::Schedule");
    assertThat(schedules).hasSize(2);
    assertThat(schedules.values()).extracting(s -> s.at("/Properties/ScheduleExpression").asText())
        .containsOnly("rate(1 day)");
    String task = template.resources("AWS::ECS::TaskDefinition").keySet().iterator().next();
    assertThat(schedules.values()).extracting(s -> s.at("/Properties/Target/EcsParameters/TaskDefinitionArn/Ref").asText())
        .containsExactly(task, task);
    JsonNode input = new ObjectMapper().readTree(schedules.values().iterator().next().at("/Properties/Target/Input").asText());
    assertThat(input.at("/containerOverrides/0/environment").toString())
        .contains("{\"name\":\"SITE\",\"value\":\"eu\"}", "{\"name\":\"TARGET_URL\",\"value\":\"https://eu.api.example.com/v1\"}",
            "{\"name\":\"RESULTS_PREFIX\",\"value\":\"eval-results/eu/1.4.0/\"}");
  }

  @Test
  void tasksRunOnFargateInPrivateSubnetsWithoutPublicAddresses() {
    JsonNode ecs = template.resources("AWS::Scheduler::Schedule").values().iterator().next().at("/Properties/Target/EcsParameters");
    assertThat(ecs.path("LaunchType").asText()).isEqualTo("FARGATE");
    assertThat(ecs.at("/NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp").asText()).isEqualTo("DISABLED");
    assertThat(ecs.at("/NetworkConfiguration/AwsvpcConfiguration/Subnets").toString()).contains("PrivateSubnet").doesNotContain("PublicSubnet");
  }

  @Test
  void containerCarriesTheImageAndSuiteVersion() {
    JsonNode container = template.only("AWS::ECS::TaskDefinition").at("/Properties/ContainerDefinitions/0");
    assertThat(container.path("Image").asText()).isEqualTo("ghcr.io/acme/evals:1.4.0");
    assertThat(container.path("Environment").toString()).contains("{\"Name\":\"SUITE_VERSION\",\"Value\":\"1.4.0\"}",
        "{\"Name\":\"RESULTS_BUCKET\",\"Value\":\"chat-hub-eval-111111111111-us-east-1\"}");
  }

  @Test
  void taskMayOnlyPutResults() {
    assertThat(template.text()).contains(":s3:::chat-hub-eval-111111111111-us-east-1/eval-results/*")
        .doesNotContain("\"s3:DeleteObject");
  }

  @Test
  void schedulerMayOnlyRunTheEvalTaskInItsCluster() {
    assertThat(template.text()).contains("\"ecs:RunTask\"", "\"ecs:cluster\"", "\"iam:PassRole\"");
  }

  @Test
  void logsAreTaggedDerived() {
    assertThat(template.only("AWS::Logs::LogGroup").at("/Properties/Tags").toString())
        .contains("\"Key\":\"meridian:data-class\",\"Value\":\"derived\"");
  }

  @Test
  void aScheduleThatSchedulerCannotReadIsRefused() {
    assertThatThrownBy(() -> EvalHarness.Builder.create(stack, "Bad").vpc(vpc).image("x:1").suiteVersion("1")
        .targets(List.of(new EvalTarget("eu", "https://eu.example.com"))).resultsBucket(results).schedule("daily").build())
        .hasMessageStartingWith("schedule: 'daily' is not a schedule;");
  }

  @Test
  void aSiteListedTwiceIsRefused() {
    EvalTarget eu = new EvalTarget("eu", "https://eu.example.com");
    assertThatThrownBy(() -> EvalHarness.Builder.create(stack, "Twice").vpc(vpc).image("x:1").suiteVersion("1")
        .targets(List.of(eu, eu)).resultsBucket(results).build())
        .hasMessage("targets: a site appears twice in [eu, eu]; list each once");
  }

  @Test
  void noSecrets() {
    template.assertNoSecrets();
  }

  @Test
  void evalTasksGoOutOnHttpsOnly() {
    JsonNode egress = template.only("AWS::EC2::SecurityGroup").at("/Properties/SecurityGroupEgress");
    assertThat(egress).hasSize(1);
    assertThat(egress.at("/0/FromPort").asInt()).isEqualTo(443);
    assertThat(egress.at("/0/CidrIp").asText()).isEqualTo("0.0.0.0/0");
  }
}
