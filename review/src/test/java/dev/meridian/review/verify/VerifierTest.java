package dev.meridian.review.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.review.OutputFixture;
import dev.meridian.review.ReviewInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify on the clean active-passive UK/EU output of both engines, and on copies a careless hand edited. */
class VerifierTest {

  private static final String CLEAN = "clean-active-passive";
  private static final String CFN_UK = "cdk/chat-uk.template.json";
  private static final String CFN_EU = "cdk/chat-eu.template.json";
  private static final String CFN_DNS = "cdk/chat-dns.template.json";
  private static final String TF_UK = "terraform/stacks/chat-uk/cdk.tf.json";
  private static final String TF_EU = "terraform/stacks/chat-eu/cdk.tf.json";
  private static final String TF_DNS = "terraform/stacks/chat-dns/cdk.tf.json";

  @TempDir Path temp;

  private OutputFixture fixture() {
    return OutputFixture.copy(CLEAN, temp);
  }

  private static List<String> findings(OutputFixture fixture, String rule) throws ReviewInputException {
    return Verifier.verify(fixture.dir()).findings().stream().filter(f -> f.rule().equals(rule)).map(Finding::line).toList();
  }

  private static ObjectNode cfnResource(ObjectNode template, String id) {
    return (ObjectNode) template.path("Resources").path(id);
  }

  private static ObjectNode tfResource(ObjectNode stack, String type, String name) {
    return (ObjectNode) stack.path("resource").path(type).path(name);
  }

  @Test
  void cleanOutputOfBothEnginesHasNoFindings() throws ReviewInputException {
    VerifyReport report = Verifier.verify(OutputFixture.resource(CLEAN));
    assertThat(report.findings()).isEmpty();
    assertThat(report.stacks()).isEqualTo(6);
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void cloudFormationStackClaimingAnotherJurisdictionIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().replace(CFN_EU, "\"jurisdiction\": \"EU\"", "\"jurisdiction\": \"UK\"");
    assertThat(findings(f, "placement")).anyMatch(l -> l.startsWith("cdk/chat-eu: ")
        && l.contains("records jurisdiction UK but eu-central-1 is in EU"));
  }

  @Test
  void terraformStackWithoutMeridianLocalsIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(TF_UK, s -> s.remove("locals"));
    assertThat(findings(f, "placement")).containsExactly(
        "terraform/chat-uk: [placement] locals.meridian is missing (every Meridian stack records it)");
  }

  @Test
  void cloudFormationBucketWithoutJurisdictionTagIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_UK, t -> {
      var tags = (ArrayNode) cfnResource(t, "LogsBucket").path("Properties").path("Tags");
      tags.remove(2);
    });
    assertThat(findings(f, "data-tags")).containsExactly(
        "cdk/chat-uk/LogsBucket: [data-tags] tag meridian:jurisdiction missing (expected UK)");
  }

  @Test
  void terraformLaunchTemplateVolumesWithoutDataClassAreCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(TF_EU, s -> ((ObjectNode) tfResource(s, "aws_launch_template", "gpu")
        .path("tag_specifications").get(0).path("tags")).remove("meridian:data-class"));
    assertThat(findings(f, "data-tags")).containsExactly("terraform/chat-eu/aws_launch_template.gpu: [data-tags] "
        + "its volumes' tags meridian:data-class missing (expected user, derived or artifact)");
  }

  @Test
  void cloudFormationReplicationToUsBucketIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_UK, t -> ((ObjectNode) cfnResource(t, "SnapshotsBucket").path("Properties")
        .path("ReplicationConfiguration").path("Rules").get(0).path("Destination"))
        .put("Bucket", "arn:aws:s3:::chat-snapshots-archive-us-east-1"));
    assertThat(findings(f, "replication")).containsExactly("cdk/chat-uk/SnapshotsBucket: [replication] S3 replication "
        + "rule snapshots-to-eu to arn:aws:s3:::chat-snapshots-archive-us-east-1 (us-east-1, US) moves user data "
        + "UK → US, which allowedTransfers of chat do not list");
  }

  @Test
  void terraformReplicationToUsBucketIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().replace(TF_UK,
        "arn:aws:s3:::chat-eu-snapshots-${data.aws_caller_identity.current.account_id}-eu-central-1",
        "arn:aws:s3:::chat-snapshots-archive-us-east-1");
    assertThat(findings(f, "replication")).singleElement().asString()
        .startsWith("terraform/chat-uk/aws_s3_bucket_replication_configuration.snapshots: [replication]")
        .contains("moves user data UK → US");
  }

  @Test
  void replicationToABucketThatCannotBePlacedIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().replace(TF_UK,
        "arn:aws:s3:::chat-eu-snapshots-${data.aws_caller_identity.current.account_id}-eu-central-1",
        "arn:aws:s3:::team-scratch");
    assertThat(findings(f, "replication")).singleElement().asString()
        .contains("cannot prove residency of S3 replication rule snapshots-to-eu")
        .contains("to arn:aws:s3:::team-scratch");
  }

  @Test
  void replicationOfEuUserDataToTheUkIsCaughtBecauseOnlyUkToEuIsAllowed() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_EU, t -> ((ObjectNode) cfnResource(t, "LogsBucket").path("Properties"))
        .set("ReplicationConfiguration", cfnResource(t, "LogsBucket").objectNode().set("Rules",
            t.arrayNode().add(t.objectNode().put("Status", "Enabled").set("Destination",
                t.objectNode().put("Bucket", "arn:aws:s3:::chat-uk-logs-${AWS::AccountId}-eu-west-2"))))));
    assertThat(findings(f, "replication")).singleElement().asString()
        .contains("to cdk/chat-uk/LogsBucket (eu-west-2, UK) moves user data EU → UK");
  }

  @Test
  void cloudFormationLogSubscriptionToFirehoseInAnotherRegionIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_UK, t -> ((ObjectNode) cfnResource(t, "InferenceLogSubscription")
        .path("Properties")).put("DestinationArn", "arn:aws:firehose:us-east-1:111111111111:deliverystream/chat-logs-central"));
    assertThat(findings(f, "log-shipping")).containsExactly("cdk/chat-uk/InferenceLogSubscription: [log-shipping] "
        + "log subscription of cdk/chat-uk/InferenceLogGroup to arn:aws:firehose:us-east-1:111111111111:deliverystream/"
        + "chat-logs-central (us-east-1, US) moves user data UK → US, which allowedTransfers of chat do not list");
  }

  @Test
  void terraformFirehoseDeliveringToAnotherJurisdictionsBucketIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().replace(TF_EU, "\"bucket_arn\": \"${aws_s3_bucket.logs.arn}\"",
        "\"bucket_arn\": \"arn:aws:s3:::chat-uk-logs-${data.aws_caller_identity.current.account_id}-eu-west-2\"");
    assertThat(findings(f, "log-shipping")).singleElement().asString()
        .startsWith("terraform/chat-eu/aws_kinesis_firehose_delivery_stream.logs: [log-shipping] Firehose delivery to "
            + "terraform/chat-uk/aws_s3_bucket.logs (eu-west-2, UK) moves user data EU → UK");
  }

  @Test
  void cloudFormationSsmReadOfAnotherJurisdictionsRegionIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_EU, t -> ((ObjectNode) t.path("Resources")).set("UkEndpoint",
        t.objectNode().put("Type", "Custom::AWS").set("Properties", t.objectNode().put("Create",
            "{\"service\":\"SSM\",\"action\":\"getParameter\",\"parameters\":{\"Name\":\"/chat/uk/endpoint\"},"
                + "\"region\":\"eu-west-2\",\"physicalResourceId\":{\"id\":\"uk-endpoint\"}}"))));
    assertThat(findings(f, "cross-region-reference")).containsExactly("cdk/chat-eu/UkEndpoint: "
        + "[cross-region-reference] cross-region reference from eu (EU) to eu-west-2 (UK) couples EU → UK, "
        + "which allowedTransfers of chat do not list");
  }

  @Test
  void terraformDataSourceThroughAnotherRegionsProviderIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(TF_EU, s -> {
      ((ArrayNode) s.path("provider").path("aws"))
          .add(s.objectNode().put("alias", "london").put("region", "eu-west-2"));
      ((ObjectNode) s.path("data").path("aws_ssm_parameter")).set("uk_endpoint",
          s.objectNode().put("provider", "aws.london").put("name", "/chat/uk/endpoint"));
    });
    assertThat(findings(f, "cross-region-reference")).singleElement().asString()
        .startsWith("terraform/chat-eu/data.aws_ssm_parameter.uk_endpoint: [cross-region-reference]")
        .contains("couples EU → UK");
  }

  @Test
  void cloudFormationGeolocationRecordSendingFranceToUkSiteIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_DNS, t -> {
      ObjectNode record = cfnResource(t, "ApiPrimaryRecord").deepCopy();
      ObjectNode p = (ObjectNode) record.path("Properties");
      p.remove("Failover");
      p.put("SetIdentifier", "uk-fr");
      p.set("GeoLocation", t.objectNode().put("CountryCode", "FR"));
      ((ObjectNode) t.path("Resources")).set("ApiFrRecord", record);
    });
    assertThat(findings(f, "dns-routing")).containsExactly("cdk/chat-dns/ApiFrRecord: [dns-routing] geolocation FR "
        + "of api.example.com A (uk-fr) sends users in FR (EU) to uk (UK), which allowedTransfers of chat do not list");
  }

  @Test
  void terraformGeolocationRecordSendingGbToEuSiteIsCaughtOnceTheTransferIsNotAllowed() throws ReviewInputException {
    OutputFixture f = fixture().json(TF_DNS, s -> {
      ((ObjectNode) s.path("locals").path("meridian").path("residency")).putArray("allowedTransfers");
      ObjectNode record = tfResource(s, "aws_route53_record", "api_secondary").deepCopy();
      record.remove("failover_routing_policy");
      record.put("set_identifier", "eu-gb");
      record.set("geolocation_routing_policy", s.objectNode().put("country", "GB"));
      ((ObjectNode) s.path("resource").path("aws_route53_record")).set("api_gb", record);
    });
    assertThat(findings(f, "dns-routing")).contains("terraform/chat-dns/aws_route53_record.api_gb: [dns-routing] "
        + "geolocation GB of api.example.com A (eu-gb) sends users in GB (UK) to eu (EU), which allowedTransfers of chat "
        + "do not list");
  }

  @Test
  void failoverToAnotherJurisdictionWithoutAllowedTransferIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_DNS, t -> ((ObjectNode) t.path("Metadata").path("Meridian").path("residency"))
        .putArray("allowedTransfers"));
    assertThat(findings(f, "dns-routing")).containsExactly("cdk/chat-dns/ApiSecondaryRecord: [dns-routing] failover "
        + "SECONDARY of api.example.com A (eu) sends users of uk (UK) to eu (EU), which allowedTransfers of chat do not list");
  }

  @Test
  void chainedFailoverThroughAnAliasToAnotherJurisdictionIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(TF_DNS, s -> {
      ObjectNode secondary = tfResource(s, "aws_route53_record", "api_secondary");
      secondary.put("set_identifier", "failover-2-secondary");
      ((ObjectNode) secondary.path("alias")).put("name", "standby.api.example.com");
      ObjectNode standby = s.objectNode().put("name", "standby.api.example.com").put("type", "A")
          .put("set_identifier", "eu");
      standby.set("latency_routing_policy", s.objectNode().put("region", "eu-central-1"));
      ((ObjectNode) s.path("resource").path("aws_route53_record")).set("standby_eu", standby);
      ((ObjectNode) s.path("locals").path("meridian").path("residency")).putArray("allowedTransfers");
    });
    assertThat(findings(f, "dns-routing")).singleElement().asString()
        .contains("failover SECONDARY of api.example.com A (failover-2-secondary) sends users of uk (UK) to eu (EU) "
            + "through its alias standby.api.example.com");
  }

  @Test
  void latencySetSpanningJurisdictionsWithoutTransfersBothWaysIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_DNS, t -> {
      for (String id : new String[] {"ApiPrimaryRecord", "ApiSecondaryRecord"}) {
        ObjectNode p = (ObjectNode) cfnResource(t, id).path("Properties");
        p.remove("Failover");
        p.put("Region", p.path("SetIdentifier").asText().equals("uk") ? "eu-west-2" : "eu-central-1");
      }
    });
    assertThat(findings(f, "dns-routing")).containsExactly("cdk/chat-dns/ApiPrimaryRecord: [dns-routing] latency "
        + "records of api.example.com A span sites {EU=eu, UK=uk}, so users may be sent EU → UK, which allowedTransfers "
        + "of chat do not list");
  }

  @Test
  void continentRecordSendingEuropeToEuSiteCoversGbAndIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_DNS, t -> {
      ObjectNode eu = (ObjectNode) cfnResource(t, "ApiSecondaryRecord").path("Properties");
      eu.remove("Failover");
      eu.set("GeoLocation", t.objectNode().put("ContinentCode", "EU"));
      ((ObjectNode) t.path("Resources")).remove("ApiPrimaryRecord");
      ((ObjectNode) t.path("Metadata").path("Meridian").path("residency")).putArray("allowedTransfers");
    });
    assertThat(findings(f, "dns-routing")).containsExactly(
        "cdk/chat-dns/ApiSecondaryRecord: [dns-routing] geolocation continent EU of api.example.com A (eu) sends users "
            + "in GB (UK) to eu (EU), which allowedTransfers of chat do not list");
  }

  @Test
  void defaultGeolocationRecordSendingUncoveredGbUsersToEuIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_DNS, t -> {
      ObjectNode france = (ObjectNode) cfnResource(t, "ApiSecondaryRecord").path("Properties");
      france.remove("Failover");
      france.set("GeoLocation", t.objectNode().put("CountryCode", "FR"));
      ObjectNode fallback = (ObjectNode) cfnResource(t, "ApiPrimaryRecord").path("Properties");
      fallback.remove("Failover");
      fallback.put("SetIdentifier", "eu-default");
      fallback.set("GeoLocation", t.objectNode().put("CountryCode", "*"));
      ((ObjectNode) t.path("Metadata").path("Meridian").path("residency")).putArray("allowedTransfers");
    });
    assertThat(findings(f, "dns-routing")).containsExactly(
        "cdk/chat-dns/ApiPrimaryRecord: [dns-routing] geolocation default of api.example.com A (eu-default) sends users "
            + "in GB (UK) to eu (EU), which allowedTransfers of chat do not list");
  }

  @Test
  void routedRecordNamingNoSiteCannotBeProven() throws ReviewInputException {
    OutputFixture f = fixture().json(TF_DNS, s -> tfResource(s, "aws_route53_record", "api_secondary")
        .put("set_identifier", "standby"));
    assertThat(findings(f, "dns-routing")).containsExactly("terraform/chat-dns/aws_route53_record.api_secondary: "
        + "[dns-routing] cannot prove residency of failover SECONDARY record api.example.com A (standby): its "
        + "SetIdentifier names no site of chat [eu, uk] and its alias names no record of the output");
  }

  @Test
  void cloudFormationBucketWithoutDeletionPolicyIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_UK, t -> cfnResource(t, "LogsBucket").remove("DeletionPolicy"));
    assertThat(findings(f, "retention")).containsExactly("cdk/chat-uk/LogsBucket: [retention] AWS::S3::Bucket is "
        + "deleted with its stack: DeletionPolicy is absent (expected Retain, RetainExceptOnCreate or Snapshot)");
  }

  @Test
  void terraformVolumeWithoutPreventDestroyIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(TF_EU, s -> tfResource(s, "aws_ebs_volume", "qdrant_1").remove("lifecycle"));
    assertThat(findings(f, "retention")).containsExactly("terraform/chat-eu/aws_ebs_volume.qdrant_1: [retention] "
        + "aws_ebs_volume is not protected: lifecycle.prevent_destroy is not true");
  }

  @Test
  void cloudFormationTokenPastedIntoUserDataIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().replace(CFN_UK,
        "$(aws secretsmanager get-secret-value --secret-id chat/hf-token --query SecretString --output text)",
        "hf_Qm7vXr2LpT9zKw4NcB8yHs3JdF6gA1eU");
    assertThat(findings(f, "clear-secret")).containsExactly(
        "cdk/chat-uk/GpuLaunchTemplate: [clear-secret] HF_TOKEN is assigned a literal in "
            + "LaunchTemplateData.UserData (line 4)");
  }

  @Test
  void terraformAwsKeyInBase64UserDataIsCaught() throws ReviewInputException {
    String original = new String(Base64.getDecoder().decode(userData()), StandardCharsets.UTF_8);
    String edited = original.replace("set -euo pipefail\n", "set -euo pipefail\nexport AWS_ACCESS_KEY_ID=AKIAZ7Q3XK5LM2PW4R8T\n");
    OutputFixture f = fixture().replace(TF_UK, userData(), Base64.getEncoder().encodeToString(edited.getBytes(StandardCharsets.UTF_8)));
    assertThat(findings(f, "clear-secret")).anyMatch(l -> l.equals("terraform/chat-uk/aws_launch_template.gpu: "
        + "[clear-secret] AWS access key id AKIA… in user_data (base64-decoded) (line 3)"));
  }

  @Test
  void cloudFormationSecretStringLiteralIsCaught() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_UK, t -> ((ObjectNode) t.path("Resources")).set("ApiKeySecret",
        t.objectNode().put("Type", "AWS::SecretsManager::Secret").set("Properties",
            t.objectNode().put("Name", "chat/api-key").put("SecretString", "correct-horse-battery"))));
    assertThat(findings(f, "clear-secret")).containsExactly("cdk/chat-uk/ApiKeySecret: [clear-secret] SecretString "
        + "holds a literal secret (use a Secrets Manager or SSM reference)");
  }

  @Test
  void hashNamedPropertiesAreNotSecrets() throws ReviewInputException {
    OutputFixture f = fixture().json(TF_UK, s -> ((ObjectNode) s.path("resource")).putObject("aws_lambda_function")
        .putObject("rotate").put("function_name", "rotate").put("source_code_hash", "Xq3vB9mK2LpT7zRw4NcY8sHd1JfG6aE5uVoQ0iZyWbM="));
    assertThat(findings(f, "clear-secret")).isEmpty();
  }

  @Test
  void namesPathsIdempotencyTokensAndEnvironmentReferencesOfRealCdkOutputAreNotSecrets() throws ReviewInputException {
    OutputFixture f = fixture().json(CFN_UK, t -> {
      ObjectNode resources = (ObjectNode) t.path("Resources");
      resources.set("InferenceLogsDeliveryRoleDefaultPolicyA12F3F2C", t.objectNode()
          .put("Type", "AWS::IAM::Policy").set("Properties", t.objectNode()
              .put("PolicyName", "InferenceLogsDeliveryRoleDefaultPolicyA12F3F2C")));
      ObjectNode subnet = t.objectNode().put("Type", "AWS::EC2::Subnet");
      subnet.putObject("Properties").putArray("Tags").addObject()
          .put("Key", "Name").put("Value", "chat-eu-dr-frankfurt/Network/Vpc/PrivateSubnet1Subnet6DD86AE6");
      resources.set("NetworkVpcPrivateSubnet1Subnet6DD86AE6", subnet);
      resources.set("DrillSchedule55F0BAC0", t.objectNode().put("Type", "AWS::Scheduler::Schedule")
          .set("Properties", t.objectNode().putObject("Target")
              .put("Input", "{\"ClientToken\":\"chat-uk-london-drill-2F1C0B7E9A\"}")));
      resources.set("GatewayConfig3EC8B079", t.objectNode().put("Type", "AWS::SSM::Parameter")
          .set("Properties", t.objectNode().put("Value", "model_list:\n- litellm_params:\n    api_key: os.environ/SELF_HOSTED_API_KEY\n")));
      ObjectNode task = t.objectNode().put("Type", "AWS::ECS::TaskDefinition");
      task.putObject("Properties").putArray("ContainerDefinitions").addObject().putArray("Environment").addObject()
          .put("Name", "SELF_HOSTED_API_KEY").put("Value", "not-required");
      resources.set("GatewayTask143A99F6", task);
    });
    assertThat(findings(f, "clear-secret")).isEmpty();
  }

  @Test
  void jsonReportNamesTheRulesThatRan() throws ReviewInputException {
    assertThat(Verifier.verify(OutputFixture.resource(CLEAN)).json())
        .contains("\"retention\" : \"stateful resources are retained when deleted or replaced\"");
  }

  private static String userData() {
    try {
      var node = new ObjectMapper().readTree(
          OutputFixture.resource(CLEAN).resolve(TF_UK).toFile());
      return node.path("resource").path("aws_launch_template").path("gpu").path("user_data").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
