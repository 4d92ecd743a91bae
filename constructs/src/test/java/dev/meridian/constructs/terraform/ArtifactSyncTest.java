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
 * The hub's {@link ArtifactSync} to two spokes (with Replication Time Control), a source without destinations, and a
 * spoke's {@link ArtifactBucket}, in Terraform: the facts the CDK twins' test asserts.
 */
class ArtifactSyncTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RegionalBucketName ARTIFACTS = new RegionalBucketName("chat-artifacts");

  private static TerraformStack hubStack;
  private static TerraformStack spokeStack;
  private static ArtifactSync sync;
  private static String hubSynthesized;
  private static JsonNode hub;
  private static JsonNode spoke;
  private static JsonNode lone;
  private static String hubAccount;

  @BeforeAll
  static void synthesize() throws Exception {
    hubStack = new TerraformStack(Testing.app(), "hub");
    new AwsProvider(hubStack, "aws", AwsProviderConfig.builder().region("us-east-1").build());
    sync = ArtifactSync.Builder.create(hubStack, "Artifacts").bucketName(ARTIFACTS).region("us-east-1")
        .destinationRegions(List.of("eu-central-1", "us-west-2")).replicationTimeControl(true).build();
    hubSynthesized = Testing.synth(hubStack);
    JsonNode hubRoot = JSON.readTree(hubSynthesized);
    hub = hubRoot.path("resource");
    hubAccount = "${data.aws_caller_identity." + hubRoot.at("/data/aws_caller_identity").fieldNames().next() + ".account_id}";

    spokeStack = new TerraformStack(Testing.app(), "spoke");
    new AwsProvider(spokeStack, "aws", AwsProviderConfig.builder().region("eu-central-1").build());
    ArtifactBucket.Builder.create(spokeStack, "Artifacts").bucketName(ARTIFACTS).region("eu-central-1").build();
    spoke = JSON.readTree(Testing.synth(spokeStack)).path("resource");

    TerraformStack loneStack = new TerraformStack(Testing.app(), "lone");
    new AwsProvider(loneStack, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    ArtifactSync.Builder.create(loneStack, "Artifacts").bucketName(ARTIFACTS).region("eu-west-2").build();
    lone = JSON.readTree(Testing.synth(loneStack)).path("resource");
  }

  private static JsonNode only(JsonNode resources, String type) {
    assertThat(resources.path(type).size()).as(type).isEqualTo(1);
    return resources.path(type).elements().next();
  }

  private static JsonNode policy(String idPrefix) throws Exception {
    JsonNode found = null;
    for (var it = hub.path("aws_iam_role_policy").fields(); it.hasNext(); ) {
      var entry = it.next();
      if (entry.getKey().startsWith(idPrefix)) {
        assertThat(found).as(idPrefix).isNull();
        found = JSON.readTree(entry.getValue().path("policy").asText());
      }
    }
    assertThat(found).as(idPrefix).isNotNull();
    assertThat(found.path("Statement")).hasSize(1);
    return found.at("/Statement/0");
  }

  @Test
  void sourceReplicatesToEachDestinationBucketByNameOneRulePerRegion() {
    JsonNode rules = only(hub, "aws_s3_bucket_replication_configuration").path("rule");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).at("/destination/bucket").asText())
        .isEqualTo("arn:aws:s3:::chat-artifacts-" + hubAccount + "-eu-central-1");
    assertThat(rules.get(1).at("/destination/bucket").asText())
        .isEqualTo("arn:aws:s3:::chat-artifacts-" + hubAccount + "-us-west-2");
    assertThat(rules).extracting(r -> r.path("id").asText()).containsExactly("to-eu-central-1", "to-us-west-2");
    assertThat(rules).extracting(r -> r.path("priority").asInt()).doesNotHaveDuplicates();
    assertThat(rules).allSatisfy(r -> {
      assertThat(r.path("status").asText()).isEqualTo("Enabled");
      assertThat(r.at("/filter/prefix").asText()).isEmpty();
    });
    assertThat(sync.getDestinationBucketArns()).extracting(ArtifactSyncTest::anyAccount).containsExactly(
        "arn:aws:s3:::chat-artifacts-ACCOUNT-eu-central-1", "arn:aws:s3:::chat-artifacts-ACCOUNT-us-west-2");
  }

  @Test
  void deletionsAreNotReplicated() {
    only(hub, "aws_s3_bucket_replication_configuration").path("rule").forEach(rule ->
        assertThat(rule.at("/delete_marker_replication/status").asText()).isEqualTo("Disabled"));
  }

  @Test
  void replicationOfTheSourceWaitsForItsVersioningAndUsesTheRole() {
    JsonNode replication = only(hub, "aws_s3_bucket_replication_configuration");
    String versioning = hub.path("aws_s3_bucket_versioning").fieldNames().next();
    assertThat(replication.path("depends_on").toString()).contains("aws_s3_bucket_versioning." + versioning);
    assertThat(replication.path("bucket").asText()).startsWith("${aws_s3_bucket.Artifacts_Bucket_");
    assertThat(replication.path("role").asText()).startsWith("${aws_iam_role.Artifacts_ReplicationRole_").endsWith(".arn}");
    assertThat(sync.getReplicationRole()).isPresent();
  }

  @Test
  void replicationTimeControlIsFifteenMinutesWithMetrics() {
    only(hub, "aws_s3_bucket_replication_configuration").path("rule").forEach(rule -> {
      assertThat(rule.at("/destination/replication_time/status").asText()).isEqualTo("Enabled");
      assertThat(rule.at("/destination/replication_time/time/minutes").asInt()).isEqualTo(15);
      assertThat(rule.at("/destination/metrics/status").asText()).isEqualTo("Enabled");
      assertThat(rule.at("/destination/metrics/event_threshold/minutes").asInt()).isEqualTo(15);
    });
  }

  @Test
  void replicationRoleIsAssumedByS3AndMayReplicateOnlyIntoTheDestinations() throws Exception {
    JsonNode trust = JSON.readTree(only(hub, "aws_iam_role").path("assume_role_policy").asText());
    assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("s3.amazonaws.com");
    assertThat(trust.at("/Statement/0/Action").asText()).isEqualTo("sts:AssumeRole");

    JsonNode destinations = policy("Artifacts_ReplicationRoleDestinations_");
    assertThat(destinations.path("Action").toString()).isEqualTo("[\"s3:ReplicateObject\",\"s3:ReplicateTags\"]");
    assertThat(destinations.path("Resource")).extracting(JsonNode::asText).containsExactly(
        "arn:aws:s3:::chat-artifacts-" + hubAccount + "-eu-central-1/*",
        "arn:aws:s3:::chat-artifacts-" + hubAccount + "-us-west-2/*");

    JsonNode source = policy("Artifacts_ReplicationRoleSource_");
    assertThat(source.path("Action")).extracting(JsonNode::asText)
        .containsExactly("s3:GetReplicationConfiguration", "s3:ListBucket");
    assertThat(source.path("Resource")).extracting(JsonNode::asText).containsExactly("${aws_s3_bucket.Artifacts_Bucket_"
        + hub.path("aws_s3_bucket").fieldNames().next().substring("Artifacts_Bucket_".length()) + ".arn}");

    JsonNode versions = policy("Artifacts_ReplicationRoleVersions_");
    assertThat(versions.path("Action").toString()).contains("s3:GetObjectVersionForReplication");
    assertThat(versions.path("Resource")).hasSize(1);
    assertThat(versions.at("/Resource/0").asText()).startsWith("${aws_s3_bucket.Artifacts_Bucket_").endsWith(".arn}/*");

    assertThat(hub.path("aws_iam_role_policy").toString()).doesNotContain("s3:ReplicateDelete").doesNotContain("s3:*");
  }

  @Test
  void bothEndsAreVersionedEncryptedPrivateKeptAndTaggedArtifact() {
    for (JsonNode resources : List.of(hub, spoke)) {
      JsonNode bucket = only(resources, "aws_s3_bucket");
      assertThat(bucket.at("/lifecycle/prevent_destroy").asBoolean()).isTrue();
      assertThat(bucket.path("tags").path("meridian:data-class").asText()).isEqualTo("artifact");
      assertThat(only(resources, "aws_s3_bucket_versioning").at("/versioning_configuration/status").asText())
          .isEqualTo("Enabled");
      assertThat(only(resources, "aws_s3_bucket_server_side_encryption_configuration")
          .at("/rule/0/apply_server_side_encryption_by_default/sse_algorithm").asText()).isEqualTo("AES256");
      JsonNode block = only(resources, "aws_s3_bucket_public_access_block");
      for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
        assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
      }
      assertThat(only(resources, "aws_s3_bucket_ownership_controls").at("/rule/object_ownership").asText())
          .isEqualTo("BucketOwnerEnforced");
      assertThat(resources.has("aws_s3_bucket_lifecycle_configuration")).isFalse();
    }
  }

  @Test
  void bucketsAreNamedPrefixAccountRegionSoTheSourceCanNameTheSpoke() {
    assertThat(Testing.toHaveResourceWithProperties(hubSynthesized, "aws_s3_bucket",
        Map.of("bucket", "chat-artifacts-" + hubAccount + "-us-east-1"))).isTrue();
    String spokeName = only(spoke, "aws_s3_bucket").path("bucket").asText();
    assertThat(spokeName).matches("chat-artifacts-\\$\\{data\\.aws_caller_identity\\.[^}]+\\.account_id}-eu-central-1");
    assertThat(anyAccount("arn:aws:s3:::" + spokeName)).isEqualTo(anyAccount(sync.getDestinationBucketArns().get(0)));
  }

  /** The name with its account (a caller identity reference, or its unresolved token before synthesis) made generic. */
  private static String anyAccount(String name) {
    return name.replaceAll("\\$\\{data\\.aws_caller_identity\\.[^}]+\\.account_id}", "ACCOUNT")
        .replaceAll("\\$\\{TfToken\\[TOKEN\\.\\d+]}", "ACCOUNT");
  }

  @Test
  void sourceWithoutDestinationsHasNoReplication() {
    assertThat(lone.has("aws_s3_bucket_replication_configuration")).isFalse();
    assertThat(lone.has("aws_iam_role")).isFalse();
    assertThat(lone.has("aws_iam_role_policy")).isFalse();
    assertThat(only(lone, "aws_s3_bucket_versioning").at("/versioning_configuration/status").asText()).isEqualTo("Enabled");
  }

  @Test
  void replicatingIntoTheSourceRegionIsRefused() {
    assertThatThrownBy(() -> ArtifactSync.Builder.create(hubStack, "Loop").bucketName(ARTIFACTS).region("us-east-1")
        .destinationRegions(List.of("eu-west-1", "us-east-1")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("destinationRegions: [eu-west-1, us-east-1] includes the source's own region us-east-1; list only other regions");
  }

  @Test
  void aDestinationRegionListedTwiceIsRefused() {
    assertThatThrownBy(() -> ArtifactSync.Builder.create(hubStack, "Twice").bucketName(ARTIFACTS).region("us-east-1")
        .destinationRegions(List.of("eu-west-1", "eu-west-1")).build())
        .hasMessage("destinationRegions: [eu-west-1, eu-west-1] names a region twice; list each once");
  }

  @Test
  void regionsMustBeRegionCodes() {
    assertThatThrownBy(() -> ArtifactSync.Builder.create(hubStack, "BadDest").bucketName(ARTIFACTS).region("us-east-1")
        .destinationRegions(List.of("Frankfurt")).build())
        .hasMessage("destinationRegions: 'Frankfurt' is not an AWS region code; use e.g. eu-west-2");
    assertThatThrownBy(() -> ArtifactSync.Builder.create(hubStack, "NoRegion").bucketName(ARTIFACTS).build())
        .hasMessage("region: 'null' is not an AWS region code; use e.g. eu-west-2");
    assertThatThrownBy(() -> ArtifactBucket.Builder.create(spokeStack, "BadRegion").bucketName(ARTIFACTS).region("EU").build())
        .hasMessage("region: 'EU' is not an AWS region code; use e.g. eu-west-2");
  }

  @Test
  void bucketNameIsRequired() {
    String message = "bucketName: missing; pass e.g. new RegionalBucketName(\"chat-artifacts\")";
    assertThatThrownBy(() -> ArtifactSync.Builder.create(hubStack, "Nameless").region("us-east-1").build())
        .hasMessage(message);
    assertThatThrownBy(() -> ArtifactBucket.Builder.create(spokeStack, "Nameless").region("eu-central-1").build())
        .hasMessage(message);
  }
}
