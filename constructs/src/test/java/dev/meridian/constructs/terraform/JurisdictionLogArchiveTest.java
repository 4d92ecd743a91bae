package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.meridian.constructs.config.RegionalBucketName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EU archive of inference logs in eu-central-1 with the default retention, and the UK one with 90 days, in
 * Terraform: the facts the CDK twin's test (LogAggregationTest) asserts of the archive bucket.
 */
class JurisdictionLogArchiveTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RegionalBucketName EU_LOGS = new RegionalBucketName("chat-eu-logs");

  private static TerraformStack stack;
  private static String synthesized;
  private static JsonNode resources;
  private static JsonNode account;
  private static JurisdictionLogArchive archive;
  private static JsonNode shortLived;

  @BeforeAll
  static void synthesize() throws Exception {
    stack = new TerraformStack(Testing.app(), "archive");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-central-1").build());
    archive = JurisdictionLogArchive.Builder.create(stack, "Archive").bucketName(EU_LOGS).region("eu-central-1").build();
    synthesized = Testing.synth(stack);
    JsonNode root = JSON.readTree(synthesized);
    resources = root.path("resource");
    account = root.at("/data/aws_caller_identity");

    TerraformStack uk = new TerraformStack(Testing.app(), "uk");
    new AwsProvider(uk, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    JurisdictionLogArchive.Builder.create(uk, "Archive").bucketName(new RegionalBucketName("chat-uk-logs"))
        .region("eu-west-2").retentionDays(90).build();
    shortLived = JSON.readTree(Testing.synth(uk)).path("resource");
  }

  private static JsonNode only(JsonNode in, String type) {
    assertThat(in.path(type).size()).as(type).isEqualTo(1);
    return in.path(type).elements().next();
  }

  @Test
  void bucketIsNamedPrefixAccountRegionInTheStacksAccount() {
    assertThat(account.size()).isEqualTo(1);
    String caller = account.fieldNames().next();
    assertThat(only(resources, "aws_s3_bucket").path("bucket").asText())
        .isEqualTo("chat-eu-logs-${data.aws_caller_identity." + caller + ".account_id}-eu-central-1");
    assertThat(archive.getBucketName()).isEqualTo(EU_LOGS);
    assertThat(only(shortLived, "aws_s3_bucket").path("bucket").asText()).startsWith("chat-uk-logs-").endsWith("-eu-west-2");
  }

  @Test
  void bucketIsVersionedSoItCanBeAReplicationDestination() {
    assertThat(Testing.toHaveResourceWithProperties(synthesized, "aws_s3_bucket_versioning",
        Map.of("versioning_configuration", Map.of("status", "Enabled")))).isTrue();
    assertThat(only(resources, "aws_s3_bucket_versioning").path("bucket").asText()).startsWith("${aws_s3_bucket.Archive_Bucket_");
  }

  @Test
  void bucketIsEncryptedPrivateKeptOnDestroyAndTaggedUser() {
    JsonNode bucket = only(resources, "aws_s3_bucket");
    assertThat(bucket.at("/lifecycle/prevent_destroy").asBoolean()).isTrue();
    assertThat(bucket.path("tags").path("meridian:data-class").asText()).isEqualTo("user");
    assertThat(only(resources, "aws_s3_bucket_server_side_encryption_configuration")
        .at("/rule/0/apply_server_side_encryption_by_default/sse_algorithm").asText()).isEqualTo("AES256");
    JsonNode block = only(resources, "aws_s3_bucket_public_access_block");
    for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
      assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
    }
    assertThat(only(resources, "aws_s3_bucket_ownership_controls").at("/rule/object_ownership").asText())
        .isEqualTo("BucketOwnerEnforced");
  }

  @Test
  void everyObjectExpiresAfterTheDefaultRetentionOfAYear() {
    JsonNode lifecycle = only(resources, "aws_s3_bucket_lifecycle_configuration");
    assertThat(lifecycle.path("bucket").asText()).startsWith("${aws_s3_bucket.Archive_Bucket_");
    JsonNode rules = lifecycle.path("rule");
    assertThat(rules).hasSize(1);
    assertThat(rules.at("/0/status").asText()).isEqualTo("Enabled");
    assertThat(rules.at("/0/filter/prefix").asText()).isEmpty();
    assertThat(rules.at("/0/expiration/days").asInt()).isEqualTo(365);
  }

  @Test
  void retentionFollowsTheProp() {
    assertThat(only(shortLived, "aws_s3_bucket_lifecycle_configuration").at("/rule/0/expiration/days").asInt()).isEqualTo(90);
  }

  @Test
  void bucketNameIsRequired() {
    assertThatThrownBy(() -> JurisdictionLogArchive.Builder.create(stack, "Nameless").region("eu-central-1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bucketName: missing; pass e.g. new RegionalBucketName(\"chat-uk-logs\")");
  }

  @Test
  void requestsWithoutTlsAreRefusedOnTheBucketAndItsObjects() throws Exception {
    JsonNode policy = only(resources, "aws_s3_bucket_policy");
    assertThat(policy.path("bucket").asText()).startsWith("${aws_s3_bucket.Archive_Bucket_");
    assertThat(policy.path("depends_on").get(0).asText()).startsWith("aws_s3_bucket_public_access_block.");
    JsonNode deny = JSON.readTree(policy.path("policy").asText()).at("/Statement/0");
    assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
    assertThat(deny.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
    assertThat(deny.path("Resource").toString()).contains(".arn}\"", ".arn}/*\"");
  }

  @Test
  void regionMustBeAnAwsRegionCode() {
    assertThatThrownBy(() -> JurisdictionLogArchive.Builder.create(stack, "NoRegion").bucketName(EU_LOGS).build())
        .hasMessage("region: 'null' is not an AWS region code; use e.g. eu-west-2");
    assertThatThrownBy(() -> JurisdictionLogArchive.Builder.create(stack, "EuRegion").bucketName(EU_LOGS).region("EU").build())
        .hasMessage("region: 'EU' is not an AWS region code; use e.g. eu-west-2");
  }

  @Test
  void retentionMustBeAtLeastOneDay() {
    assertThatThrownBy(() -> JurisdictionLogArchive.Builder.create(stack, "Forever").bucketName(EU_LOGS)
        .region("eu-central-1").retentionDays(0).build())
        .hasMessage("retentionDays: 0 must be ≥ 1");
  }
}
