package dev.meridian.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.review.OutputFixture;
import dev.meridian.review.ReviewInputException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diff on Terraform output: replacement by ForceNew arguments, folding, DNS table, access and cost callouts. */
class TerraformDiffTest {

  private static final String TF_UK = "terraform/stacks/chat-uk/cdk.tf.json";
  private static final String TF_EU = "terraform/stacks/chat-eu/cdk.tf.json";
  private static final String TF_DNS = "terraform/stacks/chat-dns/cdk.tf.json";

  @TempDir static Path temp;
  private static DiffReport report;

  @BeforeAll
  static void diffEditedTerraform() throws ReviewInputException {
    OutputFixture head = OutputFixture.copy("clean-active-passive", temp)
        .replace(TF_UK, "\"instance_type\": \"g6.xlarge\"", "\"instance_type\": \"g5.xlarge\"")
        .replace(TF_EU, "\"instance_type\": \"g6.xlarge\"", "\"instance_type\": \"g5.xlarge\"")
        .replace(TF_EU, "\"max_size\": 4", "\"max_size\": 2")
        .replace(TF_UK, "\"bucket\": \"chat-uk-artifacts-", "\"bucket\": \"chat-uk-models-")
        .replace(TF_UK, "arn:aws:s3:::chat-eu-snapshots-${data.aws_caller_identity.current.account_id}-eu-central-1",
            "arn:aws:s3:::chat-snapshots-archive-us-east-1")
        .json(TF_UK, s -> ((ArrayNode) s.path("resource").path("aws_security_group").path("api").path("ingress"))
            .addObject().put("protocol", "tcp").put("from_port", 6333).put("to_port", 6333)
            .putArray("cidr_blocks").add("0.0.0.0/0"))
        .json(TF_DNS, s -> {
          ((ObjectNode) s.path("resource").path("aws_route53_record").path("api_secondary")).remove("health_check_id");
          ((ObjectNode) s.path("resource").path("aws_route53_health_check").path("uk")).put("resource_path", "/ready");
        });
    report = Differ.diff(OutputFixture.resource("clean-active-passive"), head.dir());
  }

  @Test
  void renamedBucketIsReplacedByItsForceNewArgument() {
    assertThat(report.changes()).filteredOn(c -> c.address().equals("aws_s3_bucket.artifacts")).singleElement()
        .satisfies(c -> {
          assertThat(c.kind()).isEqualTo(ChangeKind.REPLACED);
          assertThat(c.losesStatefulResource()).isTrue();
          assertThat(c.retained()).as("prevent_destroy makes terraform refuse").isTrue();
          assertThat(c.properties()).extracting(PropertyChange::path).containsExactly("bucket");
        });
  }

  @Test
  void sameInstanceTypeChangeAtBothSitesFoldsButTheResizedGroupDoesNot() {
    assertThat(report.folded()).filteredOn(f -> f.change().address().equals("aws_launch_template.gpu")).singleElement()
        .satisfies(f -> assertThat(f.sites()).containsExactly("eu", "uk"));
    assertThat(report.folded()).filteredOn(f -> f.change().address().equals("aws_autoscaling_group.gpu")).singleElement()
        .satisfies(f -> assertThat(f.sites()).containsExactly("eu"));
  }

  @Test
  void droppedHealthCheckShowsInTheFailoverTable() {
    assertThat(report.dns()).contains(new DnsRow("terraform: api.example.com A (eu)", "failover SECONDARY",
        "chat-eu-alb.eu-central-1.elb.amazonaws.com", "HTTPS eu.api.example.com:443/health → none"));
  }

  @Test
  void changedHealthCheckPathShowsOnTheRecordsRow() {
    assertThat(report.dns()).contains(new DnsRow("terraform: api.example.com A (uk)", "failover PRIMARY",
        "chat-uk-alb.eu-west-2.elb.amazonaws.com",
        "HTTPS uk.api.example.com:443/health → HTTPS uk.api.example.com:443/ready"));
  }

  @Test
  void replicationToAUsBucketIsANewBorderCrossing() {
    assertThat(report.residency()).containsExactly("new border crossing: terraform/chat-uk/"
        + "aws_s3_bucket_replication_configuration.snapshots: [replication] S3 replication rule snapshots-to-eu of "
        + "terraform/chat-uk/aws_s3_bucket.snapshots to arn:aws:s3:::chat-snapshots-archive-us-east-1 (us-east-1, US) "
        + "moves user data UK → US, which allowedTransfers of chat do not list");
    assertThat(report.failing(Set.of(FailClass.RESIDENCY))).containsExactly(FailClass.RESIDENCY);
  }

  @Test
  void qdrantPortOpenedToTheWorldIsAccessWidening() {
    assertThat(report.access()).containsExactly("⚠ tcp 6333 from 0.0.0.0/0 into terraform/chat-uk/aws_security_group.api");
  }

  @Test
  void gpuCapacityAndCostDeltaPerStackAndInTotal() {
    assertThat(report.gpu()).containsExactly(
        "terraform/chat-eu: 1..4 GPUs (g6.xlarge), $1.01..$4.03/h → 1..2 GPUs (g5.xlarge), $1.26..$2.52/h (+$0.25..−$1.51/h)",
        "terraform/chat-uk: 1..4 GPUs (g6.xlarge), $0.94..$3.76/h → 1..4 GPUs (g5.xlarge), $1.18..$4.70/h (+$0.24..+$0.94/h)",
        "total (terraform): +$0.49..−$0.57/h on-demand");
  }
}
