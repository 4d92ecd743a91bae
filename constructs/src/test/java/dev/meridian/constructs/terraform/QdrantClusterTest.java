package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionalBucketName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Terraform QdrantCluster keeps the promises of its CDK twin. */
class QdrantClusterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TerraformStack stack;
  private static RegionNetwork network;
  private static JsonNode resources;

  @BeforeAll
  static void synthesize() throws Exception {
    stack = new TerraformStack(Testing.app(), "vectors");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    network = RegionNetwork.Builder.create(stack, "Network").build();
    QdrantCluster.Builder.create(stack, "Qdrant")
        .network(network)
        .region("eu-west-2")
        .clusterName("chat-london")
        .clientSecurityGroupIds(List.of("sg-0123456789abcdef0"))
        .dataClass(DataClass.ARTIFACT)
        .snapshotBucketName(new RegionalBucketName("chat-vectors"))
        .snapshotReplicaRegions(List.of("eu-central-1"))
        .build();
    resources = JSON.readTree(Testing.synth(stack)).path("resource");
  }

  private static List<JsonNode> all(String type) {
    List<JsonNode> out = new ArrayList<>();
    resources.path(type).forEach(out::add);
    return out;
  }

  @Test
  void threeNodesByDefaultEachASingleInstanceGroup() {
    assertThat(all("aws_autoscaling_group")).hasSize(3).allSatisfy(group -> {
      assertThat(group.path("min_size").asInt()).isEqualTo(1);
      assertThat(group.path("max_size").asInt()).isEqualTo(1);
    });
  }

  @Test
  void dataVolumesCarryTheGivenDataClass() {
    assertThat(all("aws_ebs_volume")).hasSize(3).allSatisfy(volume ->
        assertThat(volume.path("tags").path("meridian:data-class").asText()).isEqualTo("artifact"));
  }

  @Test
  void peerPortIsOpenOnlyWithinTheCluster() {
    JsonNode group = all("aws_security_group").stream()
        .filter(g -> g.path("description").asText().startsWith("Qdrant")).findFirst().orElseThrow();
    List<JsonNode> ingress = new ArrayList<>();
    group.path("ingress").forEach(ingress::add);
    assertThat(ingress).filteredOn(rule -> rule.path("from_port").asInt() == 6335)
        .singleElement().satisfies(rule -> {
          assertThat(rule.path("self").asBoolean()).isTrue();
          assertThat(rule.path("security_groups")).isEmpty();
        });
    assertThat(ingress).filteredOn(rule -> rule.path("security_groups").toString().contains("sg-0123456789abcdef0"))
        .extracting(rule -> rule.path("from_port").asInt()).containsExactlyInAnyOrder(6333, 6334);
  }

  @Test
  void snapshotsReplicateToTheSameNamedBucketOfTheOtherRegion() {
    JsonNode rule = all("aws_s3_bucket_replication_configuration").get(0).path("rule").get(0);
    assertThat(rule.path("destination").path("bucket").asText())
        .startsWith("arn:aws:s3:::chat-vectors-").endsWith("-eu-central-1");
  }

  @Test
  void replicaRegionsWithoutABucketNameAreRejected() {
    assertThatThrownBy(() -> QdrantCluster.Builder.create(stack, "Bad").network(network).region("eu-west-2")
        .clusterName("bad").snapshotReplicaRegions(List.of("eu-central-1")).build())
        .hasMessageStartingWith("snapshotReplicaRegions: [eu-central-1] needs snapshotBucketName");
  }
}
