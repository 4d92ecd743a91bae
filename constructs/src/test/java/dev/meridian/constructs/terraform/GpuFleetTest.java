package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Terraform GpuFleet and RegionNetwork keep the promises of their CDK twins. */
class GpuFleetTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TerraformStack stack;
  private static GpuFleet fleet;
  private static int rejections;
  private static String synthesized;
  private static JsonNode resources;

  @BeforeAll
  static void synthesize() throws Exception {
    App app = Testing.app();
    stack = new TerraformStack(app, "fleet");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    RegionNetwork network = RegionNetwork.Builder.create(stack, "Network").build();
    fleet = GpuFleet.Builder.create(stack, "Fleet")
        .network(network)
        .region("eu-west-2")
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
        .region("eu-west-2")
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

  @Test
  void accessLogsGoToAPrivateBucketExpiringWithTheLogsKeptAndTaggedUser() {
    String address = "aws_s3_bucket." + fleet.getAccessLogsBucket().getFriendlyUniqueId();
    JsonNode bucket = resources.path("aws_s3_bucket").path(fleet.getAccessLogsBucket().getFriendlyUniqueId());
    assertThat(bucket.path("tags").path("meridian:data-class").asText()).isEqualTo("user");
    assertThat(bucket.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
    assertThat(bucket.has("bucket")).as("a generated name, as the CDK twin's").isFalse();
    JsonNode encryption = only("aws_s3_bucket_server_side_encryption_configuration");
    assertThat(encryption.path("bucket").asText()).contains(address);
    assertThat(block(encryption.path("rule")).path("apply_server_side_encryption_by_default").path("sse_algorithm")
        .asText()).isEqualTo("AES256");
    JsonNode publicAccess = only("aws_s3_bucket_public_access_block");
    assertThat(List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"))
        .allSatisfy(setting -> assertThat(publicAccess.path(setting).asBoolean()).as(setting).isTrue());
    JsonNode rule = block(only("aws_s3_bucket_lifecycle_configuration").path("rule"));
    assertThat(block(rule.path("expiration")).path("days").asInt()).as("logRetentionDays").isEqualTo(30);
    assertThat(block(rule.path("noncurrent_version_expiration")).path("noncurrent_days").asInt())
        .as("expired logs do not linger as old versions").isEqualTo(1);
  }

  /** A nested block, which synthesizes as an object or a list of one. */
  private static JsonNode block(JsonNode node) {
    return node.isArray() ? node.get(0) : node;
  }

  @Test
  void loadBalancerWritesAccessLogsToTheBucketOnceItsPolicyExists() {
    JsonNode lb = only("aws_lb");
    JsonNode accessLogs = lb.path("access_logs");
    assertThat(accessLogs.path("bucket").asText())
        .isEqualTo("${aws_s3_bucket." + fleet.getAccessLogsBucket().getFriendlyUniqueId() + ".bucket}");
    assertThat(accessLogs.path("enabled").asBoolean()).isTrue();
    assertThat(lb.path("depends_on")).extracting(JsonNode::asText)
        .containsExactly("aws_s3_bucket_policy." + resources.path("aws_s3_bucket_policy").fieldNames().next());
  }

  @Test
  void accessLogBucketPolicyLetsTheRegionsElbAccountWriteOnlyBelowThisAccountsLogsOverTls() throws Exception {
    JsonNode policy = only("aws_s3_bucket_policy");
    String bucket = "${aws_s3_bucket." + fleet.getAccessLogsBucket().getFriendlyUniqueId() + ".arn}";
    assertThat(policy.path("bucket").asText()).contains(fleet.getAccessLogsBucket().getFriendlyUniqueId());
    JsonNode statements = JSON.readTree(policy.path("policy").asText()).path("Statement");
    assertThat(statements).hasSize(4);
    JsonNode deny = statements.get(0);
    assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
    assertThat(deny.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
    assertThat(deny.path("Resource")).extracting(JsonNode::asText).containsExactly(bucket, bucket + "/*");
    JsonNode elb = statements.get(1);
    assertThat(elb.path("Principal").path("AWS").asText()).startsWith("${data.aws_elb_service_account.Fleet_ElbAccount_")
        .endsWith(".arn}");
    assertThat(elb.path("Action").asText()).isEqualTo("s3:PutObject");
    assertThat(elb.path("Resource").asText()).startsWith(bucket + "/AWSLogs/${data.aws_caller_identity.Fleet_Caller_")
        .endsWith("}/*");
    JsonNode delivery = statements.get(2);
    assertThat(delivery.path("Principal").path("Service").asText()).isEqualTo("delivery.logs.amazonaws.com");
    assertThat(delivery.path("Condition").path("StringEquals").path("s3:x-amz-acl").asText())
        .isEqualTo("bucket-owner-full-control");
    assertThat(delivery.path("Resource").asText()).isEqualTo(elb.path("Resource").asText());
    assertThat(statements.get(3).path("Action").asText()).isEqualTo("s3:GetBucketAcl");
    assertThat(statements.get(3).path("Resource").asText()).isEqualTo(bucket);
    assertThat(JSON.readTree(synthesized).path("data").path("aws_elb_service_account").size()).isEqualTo(1);
  }

  @Test
  void accessLogWriterIsTheOneTheCdkTwinGrantsInOldAndNewRegions() throws Exception {
    // eu-west-2 has an ELB account; ca-west-1 (opened 2023) has the log delivery service instead.
    assertThat(cdkAccessLogWriter("eu-west-2").path("AWS").toString()).contains(":iam::652711504416:root");
    assertThat(terraformAccessLogWriter("eu-west-2").path("AWS").asText()).contains("data.aws_elb_service_account.");
    assertThat(cdkAccessLogWriter("ca-west-1").path("Service").asText())
        .isEqualTo("logdelivery.elasticloadbalancing.amazonaws.com");
    JsonNode newRegion = JSON.readTree(terraformSynth("ca-west-1"));
    assertThat(writer(newRegion.path("resource").path("aws_s3_bucket_policy")).path("Service").asText())
        .isEqualTo("logdelivery.elasticloadbalancing.amazonaws.com");
    assertThat(newRegion.path("data").has("aws_elb_service_account"))
        .as("the data source fails in regions without an ELB account").isFalse();
  }

  private static JsonNode terraformAccessLogWriter(String region) throws Exception {
    return writer(JSON.readTree(terraformSynth(region)).path("resource").path("aws_s3_bucket_policy"));
  }

  private static String terraformSynth(String region) {
    TerraformStack other = new TerraformStack(Testing.app(), "fleet-" + region);
    new AwsProvider(other, "aws", AwsProviderConfig.builder().region(region).build());
    GpuFleet.Builder.create(other, "Fleet")
        .network(RegionNetwork.Builder.create(other, "Network").build())
        .region(region)
        .modelName("m").artifactBucketName("b").artifactPrefix("p/").modelVersion(PinnedVersion.of("v1"))
        .certificateArn("arn:aws:acm:" + region + ":111111111111:certificate/x")
        .build();
    return Testing.synth(other);
  }

  private static JsonNode writer(JsonNode bucketPolicies) throws Exception {
    return JSON.readTree(bucketPolicies.elements().next().path("policy").asText()).path("Statement").get(1)
        .path("Principal");
  }

  private static JsonNode cdkAccessLogWriter(String region) throws Exception {
    software.amazon.awscdk.Stack cdk = new software.amazon.awscdk.Stack(new software.amazon.awscdk.App(), "Cdk",
        software.amazon.awscdk.StackProps.builder()
            .env(software.amazon.awscdk.Environment.builder().region(region).build()).build());
    dev.meridian.constructs.aws.GpuFleet.Builder.create(cdk, "Fleet")
        .vpc(dev.meridian.constructs.aws.RegionNetwork.Builder.create(cdk, "Network").build().getVpc())
        .modelName("m")
        .artifactBucket(software.amazon.awscdk.services.s3.Bucket.fromBucketName(cdk, "Artifacts", "artifacts"))
        .artifactPrefix("p/")
        .modelVersion(PinnedVersion.of("v1"))
        .certificate(software.amazon.awscdk.services.certificatemanager.Certificate.fromCertificateArn(cdk, "Cert",
            "arn:aws:acm:" + region + ":111111111111:certificate/x"))
        .build();
    JsonNode template = JSON.valueToTree(software.amazon.awscdk.assertions.Template.fromStack(cdk).toJSON());
    for (JsonNode resource : template.path("Resources")) {
      if (resource.path("Type").asText().equals("AWS::S3::BucketPolicy")) {
        for (JsonNode statement : resource.path("Properties").path("PolicyDocument").path("Statement")) {
          if (statement.path("Action").asText().equals("s3:PutObject") && !statement.has("Condition")) {
            return statement.path("Principal");
          }
        }
      }
    }
    throw new AssertionError("the CDK twin grants no access-log writer in " + region);
  }

  @Test
  void checksTheCdkTwinMadeAndTheTerraformOneLacked() {
    assertThat(rejection(b -> b.healthPath("health"))).isEqualTo("healthPath: 'health' must start with '/'");
    assertThat(rejection(b -> b.warmUpSeconds(7201))).isEqualTo("warmUpSeconds: 7201 must be between 0 and 7200");
    assertThat(rejection(b -> b.requestsPerInstancePerMinute(0)))
        .isEqualTo("requestsPerInstancePerMinute: 0 must be ≥ 1");
    assertThat(rejection(b -> b.instanceType(null))).isEqualTo("instanceType: missing; use e.g. GpuInstanceType.G6_XLARGE");
    assertThat(rejection(b -> b.machineImage(null))).isEqualTo("machineImage: missing; use e.g. DeepLearningAmi.UBUNTU_22_04");
    assertThat(rejection(b -> b.rootVolumeGiB(29))).isEqualTo("rootVolumeGiB: 29 must be between 30 and 16384");
    assertThat(rejection(b -> b.idleTimeoutSeconds(4001))).isEqualTo("idleTimeoutSeconds: 4001 must be between 1 and 4000");
    assertThat(rejection(b -> b.domainName("api.example.com").hostedZoneId("Z0123456789ABC")))
        .isEqualTo("certificateArn: given together with domainName/hostedZoneId; pass either a certificate ARN or both of those");
    assertThat(rejection(b -> b.region(null))).isEqualTo("region: 'null' is not an AWS region code; use e.g. eu-west-2");
  }

  @Test
  void existingChecksKeepTheirMessages() {
    assertThat(rejection(b -> b.modelName(null))).isEqualTo("modelName: missing (required)");
    assertThat(rejection(b -> b.artifactBucketName(null))).isEqualTo("artifactBucketName: missing (required)");
    assertThat(rejection(b -> b.minCapacity(-1))).isEqualTo("minCapacity: -1 must be ≥ 0");
    assertThat(rejection(b -> b.certificateArn(null).domainName("api.example.com")))
        .isEqualTo("certificateArn: missing; give a certificate ARN, or domainName and hostedZoneId");
    assertThat(rejection(b -> b.logRetentionDays(31))).startsWith("logRetentionDays: 31");
  }

  /** The message a valid builder, changed by {@code change}, is rejected with. */
  private static String rejection(UnaryOperator<GpuFleet.Builder> change) {
    String id = "Rejected" + rejections++;
    GpuFleet.Builder valid = GpuFleet.Builder.create(stack, id)
        .network(RegionNetwork.Builder.create(stack, id + "Network").build())
        .region("eu-west-2")
        .modelName("m").artifactBucketName("b").artifactPrefix("p/").modelVersion(PinnedVersion.of("v1"))
        .certificateArn("arn:aws:acm:eu-west-2:111111111111:certificate/x");
    GpuFleet.Builder changed = change.apply(valid);
    return assertThrows(IllegalArgumentException.class, changed::build).getMessage();
  }
}
