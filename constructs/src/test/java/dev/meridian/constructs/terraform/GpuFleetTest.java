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
import dev.meridian.constructs.aws.GpuInstanceType;
import dev.meridian.constructs.config.PinnedVersion;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Terraform GpuFleet and RegionNetwork keep the promises of their CDK twins. */
class GpuFleetTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TerraformStack stack;
  private static String synthesized;
  private static JsonNode resources;

  @BeforeAll
  static void synthesize() throws Exception {
    App app = Testing.app();
    stack = new TerraformStack(app, "fleet");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    RegionNetwork network = RegionNetwork.Builder.create(stack, "Network").build();
    GpuFleet.Builder.create(stack, "Fleet")
        .network(network)
        .instanceType(GpuInstanceType.G6E_XLARGE)
        .minCapacity(0)
        .maxCapacity(3)
        .modelName("meta-llama/Llama-3.1-8B-Instruct")
        .artifactBucketName("chat-artifacts-111111111111-eu-west-2")
        .artifactPrefix("models/llama-3.1-8b/")
        .modelVersion(PinnedVersion.of("2025-06-01"))
        .domainName("api.example.com")
        .hostedZoneId("Z0123456789ABC")
        .build();
    synthesized = Testing.synth(stack);
    resources = JSON.readTree(synthesized).path("resource");
  }

  private static JsonNode only(String type) {
    JsonNode byAddress = resources.path(type);
    assertThat(byAddress.size()).as(type).isEqualTo(1);
    return byAddress.elements().next();
  }

  @Test
  void groupScalesBetweenMinAndMaxWithALongWarmUp() {
    assertThat(Testing.toHaveResourceWithProperties(synthesized, "aws_autoscaling_group",
        Map.of("min_size", 0, "max_size", 3, "health_check_type", "ELB", "health_check_grace_period", 900))).isTrue();
  }

  @Test
  void launchTemplateBootsTheGpuTypeWithRequiredImdsV2AndAnEncryptedRootVolume() {
    JsonNode template = only("aws_launch_template");
    assertThat(template.path("instance_type").asText()).isEqualTo("g6e.xlarge");
    assertThat(template.path("metadata_options").path("http_tokens").asText()).isEqualTo("required");
    JsonNode ebs = template.path("block_device_mappings").get(0).path("ebs");
    assertThat(ebs.path("encrypted").asText()).isEqualTo("true");
    assertThat(ebs.path("volume_type").asText()).isEqualTo("gp3");
    assertThat(ebs.path("volume_size").asInt()).isEqualTo(200);
  }

  @Test
  void launchTemplateAndItsInstancesAndVolumesAreTaggedUserData() {
    JsonNode template = only("aws_launch_template");
    assertThat(template.path("tags").path("meridian:data-class").asText()).isEqualTo("user");
    assertThat(template.path("tag_specifications")).allSatisfy(spec ->
        assertThat(spec.path("tags").path("meridian:data-class").asText()).isEqualTo("user"));
  }

  @Test
  void userDataIsTheSharedGpuHostScriptWithQuotesEscapedAndReferencesResolved() {
    String userData = only("aws_launch_template").path("user_data").asText();
    assertThat(userData).startsWith("${base64encode(join(\"\", [")
        .contains("aws_cloudwatch_log_group.Fleet_ServingLogs")
        .contains("REGION=\\\"$(imds placement/region)\\\"")
        .contains("chat-artifacts-111111111111-eu-west-2");
  }

  @Test
  void amiComesFromTheDeepLearningAmiParameterAtPlanTime() {
    assertThat(Testing.toHaveDataSourceWithProperties(synthesized, "aws_ssm_parameter",
        Map.of("name", "/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id")))
        .isTrue();
  }

  @Test
  void loadBalancerIsPublicWithALongIdleTimeoutForStreaming() {
    JsonNode lb = only("aws_lb");
    assertThat(lb.path("internal").asBoolean()).isFalse();
    assertThat(lb.path("idle_timeout").asInt()).isEqualTo(600);
    assertThat(lb.path("drop_invalid_header_fields").asBoolean()).isTrue();
  }

  @Test
  void httpsListenerForwardsAndHttpRedirects() {
    assertThat(Testing.toHaveResourceWithProperties(synthesized, "aws_lb_listener",
        Map.of("port", 443, "protocol", "HTTPS"))).isTrue();
    assertThat(Testing.toHaveResourceWithProperties(synthesized, "aws_lb_listener",
        Map.of("port", 80, "default_action", java.util.List.of(Map.of("type", "redirect",
            "redirect", Map.of("protocol", "HTTPS", "port", "443", "status_code", "HTTP_301")))))).isTrue();
  }

  @Test
  void targetGroupChecksTheHealthPathOnTheServerPort() {
    JsonNode health = only("aws_lb_target_group").path("health_check");
    assertThat(health.path("path").asText()).isEqualTo("/health");
    assertThat(health.path("port").asText()).isEqualTo("8000");
    assertThat(health.path("matcher").asText()).isEqualTo("200");
  }

  @Test
  void certificateIsDnsValidatedInTheGivenZone() {
    assertThat(Testing.toHaveResourceWithProperties(synthesized, "aws_acm_certificate",
        Map.of("domain_name", "api.example.com", "validation_method", "DNS"))).isTrue();
    assertThat(only("aws_route53_record").path("zone_id").asText()).isEqualTo("Z0123456789ABC");
  }

  @Test
  void scalesOnRequestsPerInstance() {
    JsonNode tracking = only("aws_autoscaling_policy").path("target_tracking_configuration");
    assertThat(tracking.path("target_value").asInt()).isEqualTo(60);
    assertThat(tracking.path("predefined_metric_specification").path("predefined_metric_type").asText())
        .isEqualTo("ALBRequestCountPerTarget");
  }

  @Test
  void networkSpansTwoZonesWithOneNatGateway() {
    assertThat(resources.path("aws_subnet").size()).isEqualTo(4);
    assertThat(resources.path("aws_nat_gateway").size()).isEqualTo(1);
  }

  @Test
  void flowLogsGoToALogGroupTaggedDerived() {
    assertThat(Testing.toHaveResourceWithProperties(synthesized, "aws_flow_log", Map.of("traffic_type", "ALL"))).isTrue();
    assertThat(Testing.toHaveResourceWithProperties(synthesized, "aws_cloudwatch_log_group",
        Map.of("retention_in_days", 30, "tags", Map.of("meridian:data-class", "derived")))).isTrue();
  }

  @Test
  void loadBalancerReachesOnlyTheServerPortThroughARuleResourceOthersCanAddTo() {
    JsonNode egress = only("aws_vpc_security_group_egress_rule");
    assertThat(egress.path("security_group_id").asText()).contains("aws_security_group.Fleet_LoadBalancerSecurityGroup_");
    assertThat(egress.path("from_port").asInt()).isEqualTo(8000);
    assertThat(egress.path("to_port").asInt()).isEqualTo(8000);
    resources.path("aws_security_group").elements().forEachRemaining(group -> {
      if (group.path("description").asText().startsWith("GPU fleet load balancer")) {
        assertThat(group.has("egress")).as("inline egress would delete other constructs' rules on apply").isFalse();
      }
    });
  }

  @Test
  void versionReadFromAParameterMayReadOnlyThatParameterInTheStacksRegionAndAccount() throws Exception {
    TerraformStack other = new TerraformStack(Testing.app(), "fleet-from-parameter");
    new AwsProvider(other, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    GpuFleet.Builder.create(other, "Fleet")
        .network(RegionNetwork.Builder.create(other, "Network").build())
        .modelName("meta-llama/Llama-3.1-8B-Instruct")
        .artifactBucketName("chat-artifacts-111111111111-eu-west-2")
        .artifactPrefix("models/llama-3.1-8b/")
        .modelVersion(PinnedVersion.fromParameter("/meridian/chat/model-version"))
        .domainName("api.example.com")
        .hostedZoneId("Z0123456789ABC")
        .build();
    JsonNode policies = new ObjectMapper().readTree(Testing.synth(other)).path("resource").path("aws_iam_role_policy");
    String policy = policies.properties().stream().filter(e -> e.getKey().contains("InstanceRoleModelVersion"))
        .findFirst().orElseThrow().getValue().path("policy").asText();
    assertThat(policy).contains("\"Resource\":[\"arn:aws:ssm:${data.aws_region.Fleet_Region_")
        .contains(":${data.aws_caller_identity.Fleet_Caller_").endsWith(":parameter/meridian/chat/model-version\"]}]}");
  }

  @Test
  void groupStartsAfterTheInstanceRolesPolicies() {
    JsonNode dependsOn = only("aws_autoscaling_group").path("depends_on");
    assertThat(dependsOn).extracting(JsonNode::asText)
        .anySatisfy(d -> assertThat(d).startsWith("aws_iam_role_policy.Fleet_InstanceRoleArtifacts_"))
        .anySatisfy(d -> assertThat(d).startsWith("aws_iam_role_policy.Fleet_InstanceRoleLogs_"))
        .allSatisfy(d -> assertThat(d).doesNotContain("${"));
  }

  @Test
  void maxBelowMinIsRejectedNamingBoth() {
    assertThatThrownBy(() -> GpuFleet.Builder.create(stack, "Bad")
        .network(RegionNetwork.Builder.create(stack, "BadNetwork").build())
        .minCapacity(5).maxCapacity(2)
        .modelName("m").artifactBucketName("b").artifactPrefix("p/").modelVersion(PinnedVersion.of("v1"))
        .certificateArn("arn:aws:acm:eu-west-2:111111111111:certificate/x")
        .build())
        .hasMessage("maxCapacity (2) must be ≥ 1 and ≥ minCapacity (5)");
  }
}
