package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meridian.constructs.config.QdrantCollectionDefaults;
import dev.meridian.constructs.config.RegionalBucketName;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;

class QdrantClusterTest {

  private static SynthesizedTemplate template;
  private static SynthesizedTemplate replicating;
  private static String clusterGroup;
  private static String clientGroup;
  private static Stack stack;
  private static Vpc vpc;

  @BeforeAll
  static void synth() {
    stack = new Stack(new App(), "Vectors");
    vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).build();
    SecurityGroup fleet = SecurityGroup.Builder.create(stack, "Fleet").vpc(vpc).build();
    QdrantCluster cluster = QdrantCluster.Builder.create(stack, "Qdrant")
        .vpc(vpc)
        .clusterName("chat")
        .nodes(3)
        .collectionDefaults(new QdrantCollectionDefaults(6, 2, 1))
        .clients(List.of(fleet))
        .snapshotBucketName(new RegionalBucketName("chat-uk-vectors"))
        .build();
    clusterGroup = json(stack.resolve(cluster.getSecurityGroup().getSecurityGroupId()));
    clientGroup = json(stack.resolve(fleet.getSecurityGroupId()));
    template = new SynthesizedTemplate(Template.fromStack(stack));

    Stack primary = new Stack(new App(), "Primary", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("eu-west-2").build()).build());
    QdrantCluster.Builder.create(primary, "Qdrant")
        .vpc(Vpc.Builder.create(primary, "Vpc").maxAzs(2).build())
        .clusterName("chat")
        .snapshotBucketName(new RegionalBucketName("chat-vectors"))
        .snapshotReplicaRegions(List.of("eu-west-1"))
        .build();
    replicating = new SynthesizedTemplate(Template.fromStack(primary));
  }

  @Test
  void everyNodeIsItsOwnGroupOfExactlyOneInstance() {
    Map<String, JsonNode> groups = template.resources("AWS::AutoScaling::AutoScalingGroup");
    assertThat(groups).hasSize(3);
    groups.values().forEach(group -> {
      assertThat(group.at("/Properties/MinSize").asText()).isEqualTo("1");
      assertThat(group.at("/Properties/MaxSize").asText()).isEqualTo("1");
      assertThat(group.at("/Properties/VPCZoneIdentifier")).hasSize(1);
    });
  }

  @Test
  void dataVolumesAreEncryptedAndRetained() {
    Map<String, JsonNode> volumes = template.resources("AWS::EC2::Volume");
    assertThat(volumes).hasSize(3);
    volumes.values().forEach(volume -> {
      assertThat(volume.at("/Properties/Encrypted").asBoolean()).isTrue();
      assertThat(volume.at("/Properties/Size").asInt()).isEqualTo(100);
      assertThat(volume.path("DeletionPolicy").asText()).isEqualTo("Retain");
      assertThat(volume.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
      assertThat(volume.at("/Properties/Tags").toString()).contains("\"Key\":\"meridian:data-class\",\"Value\":\"user\"");
    });
  }

  @Test
  void peerPortIsOpenOnlyWithinTheCluster() {
    assertThat(sourcesOf(6335)).containsExactly(clusterGroup);
  }

  @Test
  void apiPortsAreOpenOnlyToClientsAndTheCluster() {
    assertThat(sourcesOf(6333)).containsExactlyInAnyOrder(clusterGroup, clientGroup);
    assertThat(sourcesOf(6334)).containsExactlyInAnyOrder(clusterGroup, clientGroup);
  }

  @Test
  void noPortIsOpenToAnAddressRange() {
    assertThat(template.resources("AWS::EC2::SecurityGroupIngress").values())
        .noneMatch(rule -> rule.at("/Properties").has("CidrIp") || rule.at("/Properties").has("CidrIpv6"));
    template.resources("AWS::EC2::SecurityGroup").forEach((id, group) ->
        assertThat(group.at("/Properties/SecurityGroupIngress").isMissingNode()).as(id).isTrue());
  }

  @Test
  void apiKeysAreGeneratedInSecretsManager() {
    Map<String, JsonNode> secrets = template.resources("AWS::SecretsManager::Secret");
    assertThat(secrets).hasSize(3);
    assertThat(secrets.values()).allMatch(secret -> secret.at("/Properties").has("GenerateSecretString"));
  }

  @Test
  void userDataNamesSecretsButHoldsNoKey() {
    List<String> scripts = userData();
    assertThat(scripts).hasSize(3).allSatisfy(script -> {
      assertThat(script).contains("secretsmanager get-secret-value").contains("Ref");
      assertThat(script).doesNotContain("SecretString\"").doesNotContain("resolve:secretsmanager");
    });
    template.assertNoSecrets();
  }

  @Test
  void nodeOneStartsTheClusterAndTheOthersJoinIt() {
    List<String> scripts = userData();
    assertThat(scripts.get(0)).contains("--uri 'https://node-1.qdrant.chat.internal:6335'").doesNotContain("--bootstrap");
    assertThat(scripts.get(1)).contains("--uri 'https://node-2.qdrant.chat.internal:6335'"
        + " --bootstrap 'https://node-1.qdrant.chat.internal:6335'");
  }

  @Test
  void nodesAreSpreadOverTheAvailabilityZones() {
    List<String> zones = template.resources("AWS::EC2::Volume").values().stream()
        .map(volume -> volume.at("/Properties/AvailabilityZone").toString()).toList();
    assertThat(zones.get(0)).isNotEqualTo(zones.get(1)).isEqualTo(zones.get(2));
  }

  @Test
  void snapshotBucketIsEncryptedRetainedAndNamedForItsRegion() {
    JsonNode bucket = template.only("AWS::S3::Bucket");
    assertThat(bucket.path("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(bucket.at("/Properties/BucketEncryption").toString()).contains("AES256");
    assertThat(bucket.at("/Properties/VersioningConfiguration/Status").asText()).isEqualTo("Enabled");
    assertThat(bucket.at("/Properties/PublicAccessBlockConfiguration/RestrictPublicBuckets").asBoolean()).isTrue();
    assertThat(bucket.at("/Properties/BucketName").toString())
        .isEqualTo("{\"Fn::Join\":[\"\",[\"chat-uk-vectors-\",{\"Ref\":\"AWS::AccountId\"},\"-\",{\"Ref\":\"AWS::Region\"}]]}");
    assertThat(template.only("AWS::S3::BucketPolicy").toString()).contains("aws:SecureTransport");
  }

  @Test
  void snapshotsReplicateToTheSameNamedBucketOfAnotherRegion() {
    JsonNode bucket = replicating.only("AWS::S3::Bucket");
    assertThat(bucket.at("/Properties/BucketName").asText()).isEqualTo("chat-vectors-111111111111-eu-west-2");
    JsonNode rules = bucket.at("/Properties/ReplicationConfiguration/Rules");
    assertThat(rules).hasSize(1);
    assertThat(rules.at("/0/Destination/Bucket").asText()).isEqualTo("arn:aws:s3:::chat-vectors-111111111111-eu-west-1");
    assertThat(rules.at("/0/DeleteMarkerReplication/Status").asText()).isEqualTo("Disabled");
    assertThat(replicating.text()).contains("\"arn:aws:s3:::chat-vectors-111111111111-eu-west-1/eu-west-2/*\"");
  }

  @Test
  void clusterWithoutReplicasReplicatesNothing() {
    assertThat(template.only("AWS::S3::Bucket").at("/Properties/ReplicationConfiguration").isMissingNode()).isTrue();
  }

  @Test
  void replicasWithoutBucketNamesAreRefused() {
    assertThatThrownBy(() -> QdrantCluster.Builder.create(stack, "Unnamed").vpc(vpc).clusterName("x")
        .snapshotReplicaRegions(List.of("eu-west-1")).build())
        .hasMessage("snapshotReplicaRegions: given without snapshotBucketName; name the buckets so the replicas can be found");
  }

  @Test
  void everyNodeHasAnAlarmWhenNothingIsInService() {
    Map<String, JsonNode> alarms = template.resources("AWS::CloudWatch::Alarm");
    assertThat(alarms).hasSize(3);
    assertThat(alarms.values()).allSatisfy(alarm -> {
      assertThat(alarm.at("/Properties/MetricName").asText()).isEqualTo("GroupInServiceInstances");
      assertThat(alarm.at("/Properties/ComparisonOperator").asText()).isEqualTo("LessThanThreshold");
      assertThat(alarm.at("/Properties/TreatMissingData").asText()).isEqualTo("breaching");
    });
  }

  @Test
  void collectionDefaultsArePublishedForClients() {
    assertThat(template.resources("AWS::SSM::Parameter").values())
        .anySatisfy(parameter -> {
          assertThat(parameter.at("/Properties/Name").asText()).isEqualTo("/meridian/chat/qdrant/collection-defaults");
          assertThat(parameter.at("/Properties/Value").asText())
              .isEqualTo("{\"shard_number\":6,\"replication_factor\":2,\"write_consistency_factor\":1}");
        });
  }

  @Test
  void nodesMayChangeOnlyTheirOwnNames() {
    assertThat(template.text()).contains("\"route53:ChangeResourceRecordSetsNormalizedRecordNames\":[\"qdrant.chat.internal\","
        + "\"node-1.qdrant.chat.internal\",\"node-2.qdrant.chat.internal\",\"node-3.qdrant.chat.internal\"]");
  }

  @Test
  void nodesMayWriteSnapshotsButNeverDeleteThem() {
    assertThat(template.text()).contains("\"s3:PutObject\"").doesNotContain("s3:DeleteObject");
  }

  @Test
  void replicationFactorAboveTheNodeCountIsRefused() {
    assertThatThrownBy(() -> QdrantCluster.Builder.create(stack, "TooFew").vpc(vpc).clusterName("x").nodes(1)
        .collectionDefaults(new QdrantCollectionDefaults(1, 2, 1)).build())
        .hasMessage("replicationFactor: 2 exceeds the node count (1); use at most 1");
  }

  private static String json(Object resolved) {
    return new ObjectMapper().valueToTree(resolved).toString();
  }

  private static List<String> sourcesOf(int port) {
    return template.resources("AWS::EC2::SecurityGroupIngress").values().stream()
        .filter(rule -> rule.at("/Properties/FromPort").asInt() == port)
        .filter(rule -> rule.at("/Properties/GroupId").toString().equals(clusterGroup))
        .map(rule -> rule.at("/Properties/SourceSecurityGroupId").toString())
        .collect(Collectors.toList());
  }

  private static List<String> userData() {
    return template.resources("AWS::EC2::LaunchTemplate").values().stream()
        .map(lt -> lt.at("/Properties/LaunchTemplateData/UserData").toString().replace("\\\\n", "\n").replace("\\n", "\n"))
        .filter(script -> script.contains("qdrant"))
        .toList();
  }
}
