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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A site whose jurisdiction archive is in another region of the same jurisdiction stages and replicates. */
class InferenceLogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TerraformStack stack;
  private static JsonNode resources;

  @BeforeAll
  static void synthesize() throws Exception {
    stack = new TerraformStack(Testing.app(), "logs");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-1").build());
    InferenceLogs.Builder.create(stack, "Logs")
        .site("dublin")
        .region("eu-west-1")
        .archive(new RegionalBucketName("chat-logs-eu"), "eu-central-1")
        .build();
    resources = JSON.readTree(Testing.synth(stack)).path("resource");
  }

  private static JsonNode only(String type) {
    assertThat(resources.path(type).size()).as(type).isEqualTo(1);
    return resources.path(type).elements().next();
  }

  @Test
  void createdLogGroupIsUserDataWithTheDefaultRetention() {
    JsonNode group = only("aws_cloudwatch_log_group");
    assertThat(group.path("retention_in_days").asInt()).isEqualTo(30);
    assertThat(group.path("tags").path("meridian:data-class").asText()).isEqualTo("user");
  }

  @Test
  void streamDeliversIntoAStagingBucketInTheSiteRegion() {
    JsonNode s3 = only("aws_kinesis_firehose_delivery_stream").path("extended_s3_configuration");
    assertThat(s3.path("bucket_arn").asText()).contains("aws_s3_bucket.Logs_Staging");
    assertThat(only("aws_s3_bucket").path("tags").path("meridian:data-class").asText()).isEqualTo("user");
  }

  @Test
  void stagingReplicatesToTheArchiveInItsRegion() {
    JsonNode rule = only("aws_s3_bucket_replication_configuration").path("rule").get(0);
    assertThat(rule.path("destination").path("bucket").asText())
        .startsWith("arn:aws:s3:::chat-logs-eu-").endsWith("-eu-central-1");
    assertThat(rule.path("filter").path("prefix").asText()).isEqualTo("inference-logs/");
  }

  @Test
  void subscriptionFilterSendsEveryEventToTheStream() {
    JsonNode filter = only("aws_cloudwatch_log_subscription_filter");
    assertThat(filter.path("filter_pattern").asText()).isEmpty();
    assertThat(filter.path("destination_arn").asText()).contains("aws_kinesis_firehose_delivery_stream.Logs_DeliveryStream");
  }

  @Test
  void bufferOutsideFirehoseLimitsIsRejected() {
    assertThatThrownBy(() -> InferenceLogs.Builder.create(stack, "Bad").site("x").region("eu-west-1")
        .archive(new RegionalBucketName("chat-logs-eu"), "eu-west-1").bufferSeconds(901).build())
        .hasMessage("bufferSeconds: 901 must be between 0 and 900");
  }
}
