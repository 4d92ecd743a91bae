package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.constructs.config.PinnedVersion;
import dev.meridian.constructs.config.RegionalBucketName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** The hub's {@link ArtifactSync} to two spokes, a spoke's {@link ArtifactBucket} and {@link ArtifactVersions}. */
class ArtifactSyncTest {

  private static final RegionalBucketName ARTIFACTS = new RegionalBucketName("chat-artifacts");

  private static SynthesizedTemplate hub;
  private static SynthesizedTemplate spoke;
  private static Stack hubStack;
  private static ArtifactVersions versions;

  @BeforeAll
  static void synth() {
    App app = new App();
    hubStack = new Stack(app, "Hub", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
    ArtifactSync.Builder.create(hubStack, "Artifacts").bucketName(ARTIFACTS)
        .destinationRegions(List.of("eu-central-1", "us-west-2")).build();
    Stack spokeStack = new Stack(app, "Spoke", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("eu-central-1").build()).build());
    ArtifactBucket.Builder.create(spokeStack, "Artifacts").bucketName(ARTIFACTS).build();
    versions = ArtifactVersions.Builder.create(spokeStack, "Versions").deployment("chat")
        .modelVersion("2025-06-01").promptVersion("v12").configVersion("c7").build();
    hub = new SynthesizedTemplate(Template.fromStack(hubStack));
    spoke = new SynthesizedTemplate(Template.fromStack(spokeStack));
  }

  @Test
  void sourceReplicatesToEachDestinationBucketByName() {
    JsonNode rules = hub.only("AWS::S3::Bucket").at("/Properties/ReplicationConfiguration/Rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).at("/Destination/Bucket").asText()).isEqualTo("arn:aws:s3:::chat-artifacts-111111111111-eu-central-1");
    assertThat(rules.get(1).at("/Destination/Bucket").asText()).isEqualTo("arn:aws:s3:::chat-artifacts-111111111111-us-west-2");
    assertThat(rules.get(0).at("/Status").asText()).isEqualTo("Enabled");
  }

  @Test
  void deletionsAreNotReplicated() {
    hub.only("AWS::S3::Bucket").at("/Properties/ReplicationConfiguration/Rules").forEach(rule ->
        assertThat(rule.at("/DeleteMarkerReplication/Status").asText()).isEqualTo("Disabled"));
  }

  @Test
  void bothEndsAreVersionedEncryptedRetainedAndTaggedArtifact() {
    for (JsonNode bucket : List.of(hub.only("AWS::S3::Bucket"), spoke.only("AWS::S3::Bucket"))) {
      assertThat(bucket.at("/Properties/VersioningConfiguration/Status").asText()).isEqualTo("Enabled");
      assertThat(bucket.at("/Properties/BucketEncryption").toString()).contains("AES256");
      assertThat(bucket.path("DeletionPolicy").asText()).isEqualTo("Retain");
      assertThat(bucket.at("/Properties/Tags").toString()).contains("\"Key\":\"meridian:data-class\",\"Value\":\"artifact\"");
    }
  }

  @Test
  void spokeBucketCarriesTheNameTheSourceReplicatesTo() {
    assertThat(spoke.only("AWS::S3::Bucket").at("/Properties/BucketName").asText())
        .isEqualTo("chat-artifacts-111111111111-eu-central-1");
  }

  @Test
  void replicationRoleMayReplicateOnlyIntoTheDestinations() {
    assertThat(hub.text()).contains("\"s3:ReplicateObject\",\"s3:ReplicateTags\"]",
        "\"arn:aws:s3:::chat-artifacts-111111111111-eu-central-1/*\"",
        "\"arn:aws:s3:::chat-artifacts-111111111111-us-west-2/*\"").doesNotContain("s3:ReplicateDelete");
  }

  @Test
  void versionsArePublishedUnderTheDeploymentPrefix() {
    Map<String, String> parameters = new java.util.TreeMap<>();
    spoke.resources("AWS::SSM::Parameter").values().forEach(p ->
        parameters.put(p.at("/Properties/Name").asText(), p.at("/Properties/Value").asText()));
    assertThat(parameters).containsExactly(
        Map.entry("/meridian/chat/artifacts/config-version", "c7"),
        Map.entry("/meridian/chat/artifacts/model-version", "2025-06-01"),
        Map.entry("/meridian/chat/artifacts/prompt-version", "v12"));
    assertThat(versions.versionParameterNames()).containsExactly("/meridian/chat/artifacts/model-version",
        "/meridian/chat/artifacts/prompt-version", "/meridian/chat/artifacts/config-version");
    assertThat(versions.modelVersion()).isEqualTo(PinnedVersion.fromParameter("/meridian/chat/artifacts/model-version"));
  }

  @Test
  void replicatingIntoTheSourceRegionIsRefused() {
    assertThatThrownBy(() -> ArtifactSync.Builder.create(hubStack, "Loop").bucketName(ARTIFACTS)
        .destinationRegions(List.of("us-east-1")).build())
        .hasMessage("destinationRegions: [us-east-1] includes the source's own region us-east-1; list only the other regions");
  }

  @Test
  void noSecretsInEitherTemplate() {
    hub.assertNoSecrets();
    spoke.assertNoSecrets();
  }
}
