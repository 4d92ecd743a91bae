package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.constructs.config.RegionalBucketName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * {@link InferenceLogs} of a site in eu-west-1 archived in the EU archive in eu-central-1, and
 * that archive with the logs of a site in its own region.
 */
class LogAggregationTest {

  private static final RegionalBucketName EU_LOGS = new RegionalBucketName("chat-eu-logs");

  private static SynthesizedTemplate site;
  private static SynthesizedTemplate archive;
  private static Stack siteStack;

  @BeforeAll
  static void synth() {
    App app = new App();
    siteStack = new Stack(app, "Ireland", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
    InferenceLogs.Builder.create(siteStack, "Logs").site("ie").archive(EU_LOGS, "eu-central-1").retentionDays(30).build();
    Stack archiveStack = new Stack(app, "Frankfurt", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("eu-central-1").build()).build());
    JurisdictionLogArchive.Builder.create(archiveStack, "Archive").bucketName(EU_LOGS).build();
    InferenceLogs.Builder.create(archiveStack, "Logs").site("de").archive(EU_LOGS, "eu-central-1").build();
    site = new SynthesizedTemplate(Template.fromStack(siteStack));
    archive = new SynthesizedTemplate(Template.fromStack(archiveStack));
  }

  @Test
  void siteLogGroupIsEncryptedRetainedAndTaggedUser() {
    JsonNode group = site.only("AWS::Logs::LogGroup");
    assertThat(group.at("/Properties/KmsKeyId").isMissingNode()).isFalse();
    assertThat(group.at("/Properties/RetentionInDays").asInt()).isEqualTo(30);
    assertThat(group.path("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(group.at("/Properties/Tags").toString()).contains("\"Key\":\"meridian:data-class\",\"Value\":\"user\"");
  }

  @Test
  void logGroupSubscribesToTheDeliveryStreamOfItsOwnRegion() {
    JsonNode filter = site.only("AWS::Logs::SubscriptionFilter");
    String streamId = site.resources("AWS::KinesisFirehose::DeliveryStream").keySet().iterator().next();
    assertThat(filter.at("/Properties/DestinationArn/Fn::GetAtt/0").asText()).isEqualTo(streamId);
    assertThat(filter.at("/Properties/FilterPattern").asText()).isEmpty();
  }

  @Test
  void siteInTheArchiveRegionDeliversStraightToTheArchive() {
    JsonNode s3 = archive.only("AWS::KinesisFirehose::DeliveryStream").at("/Properties/ExtendedS3DestinationConfiguration");
    assertThat(s3.path("BucketARN").asText()).isEqualTo("arn:aws:s3:::chat-eu-logs-111111111111-eu-central-1");
    assertThat(s3.path("Prefix").asText()).isEqualTo("inference-logs/de/");
    assertThat(archive.resources("AWS::S3::Bucket")).hasSize(1);
  }

  @Test
  void siteInAnotherRegionStagesLocallyUnderItsFolder() {
    String staging = site.resources("AWS::S3::Bucket").keySet().iterator().next();
    JsonNode s3 = site.only("AWS::KinesisFirehose::DeliveryStream").at("/Properties/ExtendedS3DestinationConfiguration");
    assertThat(s3.at("/BucketARN/Fn::GetAtt/0").asText()).isEqualTo(staging);
    assertThat(s3.path("Prefix").asText()).isEqualTo("inference-logs/ie/");
  }

  @Test
  void stagedLogsReplicateToTheJurisdictionArchive() {
    JsonNode rules = site.only("AWS::S3::Bucket").at("/Properties/ReplicationConfiguration/Rules");
    assertThat(rules).hasSize(1);
    assertThat(rules.at("/0/Destination/Bucket").asText()).isEqualTo("arn:aws:s3:::chat-eu-logs-111111111111-eu-central-1");
    assertThat(rules.at("/0/Filter/Prefix").asText()).isEqualTo("inference-logs/");
  }

  @Test
  void stagingBucketIsEncryptedRetainedShortLivedAndTaggedUser() {
    JsonNode bucket = site.only("AWS::S3::Bucket");
    assertThat(bucket.at("/Properties/BucketEncryption").toString()).contains("AES256");
    assertThat(bucket.path("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(bucket.at("/Properties/LifecycleConfiguration/Rules/0/ExpirationInDays").asInt()).isEqualTo(7);
    assertThat(bucket.at("/Properties/Tags").toString()).contains("\"Key\":\"meridian:data-class\",\"Value\":\"user\"");
  }

  @Test
  void replicationMayWriteOnlyTheSitesFoldersInTheArchive() {
    assertThat(site.text()).contains("\"arn:aws:s3:::chat-eu-logs-111111111111-eu-central-1/inference-logs/ie/*\"",
            "\"arn:aws:s3:::chat-eu-logs-111111111111-eu-central-1/inference-logs/errors/ie/*\"")
        .doesNotContain("\"arn:aws:s3:::chat-eu-logs-111111111111-eu-central-1/*\"");
  }

  @Test
  void archiveBucketIsNamedForItsRegionEncryptedRetainedAndTaggedUser() {
    JsonNode bucket = archive.only("AWS::S3::Bucket");
    assertThat(bucket.at("/Properties/VersioningConfiguration/Status").asText()).isEqualTo("Enabled");
    assertThat(bucket.at("/Properties/BucketName").asText()).isEqualTo("chat-eu-logs-111111111111-eu-central-1");
    assertThat(bucket.at("/Properties/BucketEncryption").toString()).contains("AES256");
    assertThat(bucket.path("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(bucket.at("/Properties/Tags").toString()).contains("\"Key\":\"meridian:data-class\",\"Value\":\"user\"");
    assertThat(archive.only("AWS::S3::BucketPolicy").toString()).contains("aws:SecureTransport");
  }

  @Test
  void archiveRegionMustBeARegionCode() {
    assertThatThrownBy(() -> InferenceLogs.Builder.create(siteStack, "Bad").site("ie").archive(EU_LOGS, "EU").build())
        .hasMessage("archive.region: 'EU' is not an AWS region code; use e.g. eu-west-2");
  }

  @Test
  void noSecretsInEitherTemplate() {
    site.assertNoSecrets();
    archive.assertNoSecrets();
  }
}
