package dev.meridian.stacks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meridian.blueprints.Blueprints;
import dev.meridian.blueprints.plan.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformSynthesizerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;

  private static Path first;
  private static Path second;
  private static Path s3;
  private static Path gateway;
  private static Path pilotLight;

  /**
   * Two deployments in one App (failover with a dedicated standby; geolocation sharding),
   * synthesized twice, plus S3 state; and a single region with a hosted-API fallback.
   */
  @BeforeAll
  static void synthesize() throws Exception {
    Blueprints blueprints = new Blueprints(List.of(Path.of("../jsonnet")));
    List<Topology> topologies = List.of(
        blueprints.plan(Path.of("../examples/active-passive-uk.jsonnet")).topology(),
        blueprints.plan(Path.of("../examples/regional-sharding.jsonnet")).topology());
    first = work.resolve("first");
    second = work.resolve("second");
    s3 = work.resolve("s3");
    TerraformSynthesizer.withLocalState().synth(topologies, first);
    TerraformSynthesizer.withLocalState().synth(topologies, second);
    new TerraformSynthesizer(new TerraformBackend.S3("acme-tf-state", "eu-west-2", "acme-tf-locks", "meridian"))
        .synth(topologies.subList(0, 1), s3);
    pilotLight = work.resolve("pilot-light");
    TerraformSynthesizer.withLocalState().synth(
        List.of(blueprints.plan(Path.of("../examples/active-passive-uk-eu.json")).topology()), pilotLight);
    gateway = work.resolve("gateway");
    TerraformSynthesizer.withLocalState().synth(List.of(blueprints.plan(Path.of("../examples/single-region.json")).topology()),
        gateway);
  }

  private static JsonNode stack(Path out, String name) throws IOException {
    return JSON.readTree(out.resolve("stacks").resolve(name).resolve("cdk.tf.json").toFile());
  }

  private static JsonNode resource(JsonNode stack, String type, String addressPart) {
    List<JsonNode> found = new ArrayList<>();
    stack.path("resource").path(type).fields().forEachRemaining(e -> {
      if (e.getKey().contains(addressPart)) {
        found.add(e.getValue());
      }
    });
    assertThat(found).as(type + " containing " + addressPart).hasSize(1);
    return found.get(0);
  }

  @Test
  void manifestHasOneStackPerAwsSiteAndADnsStackThatDependsOnThem() throws IOException {
    JsonNode manifest = JSON.readTree(first.resolve("manifest.json").toFile());
    List<String> names = new ArrayList<>();
    manifest.path("stacks").fieldNames().forEachRemaining(names::add);
    assertThat(names).contains("chat-uk-london", "chat-uk-dns").doesNotContain("chat-uk-uk-colo");
    assertThat(manifest.path("stacks").path("chat-uk-dns").path("dependencies"))
        .extracting(JsonNode::asText).containsExactly("chat-uk-london");
  }

  @Test
  void awsProviderIsPinnedToTheBindingsVersion() throws IOException {
    JsonNode aws = stack(first, "chat-uk-london").path("terraform").path("required_providers").path("aws");
    assertThat(aws.path("version").asText()).isEqualTo("5.23.1");
  }

  @Test
  void siteStackProviderIsInTheSiteRegion() throws IOException {
    assertThat(stack(first, "chat-uk-london").path("provider").path("aws").get(0).path("region").asText())
        .isEqualTo("eu-west-2");
  }

  @Test
  void everyTaggableResourceCarriesThePlacementTags() throws IOException {
    JsonNode bucket = resource(stack(first, "chat-uk-london"), "aws_s3_bucket", "LogArchive");
    assertThat(bucket.path("tags").path("meridian:deployment").asText()).isEqualTo("chat-uk");
    assertThat(bucket.path("tags").path("meridian:site").asText()).isEqualTo("london");
    assertThat(bucket.path("tags").path("meridian:jurisdiction").asText()).isEqualTo("UK");
    assertThat(resource(stack(first, "chat-uk-london"), "aws_vpc", "Network").path("tags").path("meridian:site").asText())
        .isEqualTo("london");
    assertThat(resource(stack(first, "chat-uk-london"), "aws_route", "PublicDefaultRoute").has("tags")).isFalse();
  }

  @Test
  void launchTemplatesTagTheirInstancesAndVolumesWithPlacementAndDataClass() throws IOException {
    JsonNode template = resource(stack(first, "chat-uk-london"), "aws_launch_template", "Fleet");
    assertThat(template.path("tag_specifications")).hasSize(2).allSatisfy(spec -> {
      assertThat(spec.path("tags").path("meridian:jurisdiction").asText()).isEqualTo("UK");
      assertThat(spec.path("tags").path("meridian:data-class").asText()).isEqualTo("user");
    });
  }

  @Test
  void dnsStackResourcesAreTaggedGlobal() throws IOException {
    JsonNode check = resource(stack(first, "chat-uk-dns"), "aws_route53_health_check", "HealthCheck-london");
    assertThat(check.path("tags").path("meridian:site").asText()).isEqualTo("global");
    assertThat(check.path("tags").path("Name").asText()).isEqualTo("london");
  }

  @Test
  void localStateIsOneRelativeFilePerStackOutsideTheOutput() throws IOException {
    String path = stack(first, "chat-uk-london").path("terraform").path("backend").path("local").path("path").asText();
    assertThat(path).startsWith("../").endsWith("terraform-state/chat-uk-london.tfstate");
    assertThat(Path.of(path).isAbsolute()).isFalse();
  }

  @Test
  void s3StateIsKeyedByStackAndLockedInDynamoDb() throws IOException {
    JsonNode backend = stack(s3, "chat-uk-dns").path("terraform").path("backend").path("s3");
    assertThat(backend.path("bucket").asText()).isEqualTo("acme-tf-state");
    assertThat(backend.path("key").asText()).isEqualTo("meridian/chat-uk-dns.tfstate");
    assertThat(backend.path("dynamodb_table").asText()).isEqualTo("acme-tf-locks");
    assertThat(backend.path("encrypt").asBoolean()).isTrue();
  }

  @Test
  void everyStackRecordsLocalsMeridian() throws IOException {
    JsonNode site = stack(first, "chat-uk-london").path("locals").path("meridian");
    assertThat(site.path("deployment").asText()).isEqualTo("chat-uk");
    assertThat(site.path("site").asText()).isEqualTo("london");
    assertThat(site.path("sites").path("uk-colo").asText()).isEqualTo("UK");
    JsonNode dns = stack(first, "chat-uk-dns").path("locals").path("meridian");
    assertThat(dns.path("site").isMissingNode() || dns.path("site").isNull()).isTrue();
    assertThat(dns.path("awsRegion").asText()).isEqualTo("us-east-1");
  }

  @Test
  void dnsStackReadsEachLoadBalancerThroughItsRegionsAliasedProvider() throws IOException {
    JsonNode dns = stack(first, "chat-uk-dns");
    JsonNode providers = dns.path("provider").path("aws");
    assertThat(providers.get(0).path("region").asText()).isEqualTo("us-east-1");
    assertThat(providers.get(1).path("alias").asText()).isEqualTo("eu-west-2");
    JsonNode parameter = dns.path("data").path("aws_ssm_parameter").path("london-LoadBalancerDnsName");
    assertThat(parameter.path("name").asText()).isEqualTo("/meridian/chat-uk/london/load-balancer/dns-name");
    assertThat(parameter.path("provider").asText()).isEqualTo("aws.eu-west-2");
  }

  @Test
  void primaryGetsPrimaryFailoverRecordAliasingItsLoadBalancer() throws IOException {
    JsonNode record = resource(stack(first, "chat-uk-dns"), "aws_route53_record", "london-primary");
    assertThat(record.path("failover_routing_policy").path("type").asText()).isEqualTo("PRIMARY");
    assertThat(record.path("alias").path("name").asText()).contains("data.aws_ssm_parameter.london-LoadBalancerDnsName");
    assertThat(record.path("health_check_id").asText()).contains("aws_route53_health_check.Dns_HealthCheck-london_");
  }

  @Test
  void dedicatedStandbyGetsSecondaryRecordWithItsAddresses() throws IOException {
    JsonNode record = resource(stack(first, "chat-uk-dns"), "aws_route53_record", "uk-colo-secondary");
    assertThat(record.path("failover_routing_policy").path("type").asText()).isEqualTo("SECONDARY");
    assertThat(record.path("records")).extracting(JsonNode::asText).containsExactly("203.0.113.10", "203.0.113.11");
  }

  @Test
  void dedicatedSiteWithTwoAddressesIsHealthyWhileEitherAnswers() throws IOException {
    JsonNode combined = resource(stack(first, "chat-uk-dns"), "aws_route53_health_check", "Endpoint-uk-colo_HealthCheck_");
    assertThat(combined.path("type").asText()).isEqualTo("CALCULATED");
    assertThat(combined.path("child_health_threshold").asInt()).isEqualTo(1);
    assertThat(combined.path("child_healthchecks")).hasSize(2);
  }

  @Test
  void shardedRecordsRouteByGeolocation() throws IOException {
    JsonNode records = stack(first, "chat-shards-dns").path("resource").path("aws_route53_record");
    List<JsonNode> geo = new ArrayList<>();
    records.forEach(r -> {
      if (r.has("geolocation_routing_policy")) {
        geo.add(r.path("geolocation_routing_policy"));
      }
    });
    assertThat(geo).isNotEmpty();
  }

  @Test
  void artifactBucketIsTaggedArtifactAndKept() throws IOException {
    JsonNode bucket = resource(stack(first, "chat-uk-london"), "aws_s3_bucket", "Artifacts_Bucket");
    assertThat(bucket.path("tags").path("meridian:data-class").asText()).isEqualTo("artifact");
    assertThat(bucket.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
    assertThat(bucket.path("bucket").asText()).startsWith("chat-uk-artifacts-").endsWith("-eu-west-2");
  }

  @Test
  void artifactSourceReplicatesToEveryOtherSitesBucketByName() throws IOException {
    List<JsonNode> rules = new ArrayList<>();
    for (String site : List.of("chat-shards-uk", "chat-shards-eu", "chat-shards-us")) {
      stack(first, site).path("resource").path("aws_s3_bucket_replication_configuration")
          .forEach(config -> config.path("rule").forEach(rules::add));
    }
    assertThat(rules).hasSize(2).allSatisfy(rule -> {
      assertThat(rule.path("destination").path("bucket").asText()).startsWith("arn:aws:s3:::chat-shards-artifacts-");
      assertThat(rule.path("delete_marker_replication").path("status").asText()).isEqualTo("Disabled");
    });
  }

  @Test
  void siteStackPublishesItsLoadBalancerForTheDnsStack() throws IOException {
    JsonNode parameter = resource(stack(first, "chat-uk-london"), "aws_ssm_parameter", "LoadBalancerZoneId");
    assertThat(parameter.path("name").asText()).isEqualTo("/meridian/chat-uk/london/load-balancer/canonical-hosted-zone-id");
  }

  @Test
  void siteHoldingItsJurisdictionsArchiveKeepsItTaggedUser() throws IOException {
    JsonNode bucket = resource(stack(first, "chat-uk-london"), "aws_s3_bucket", "LogArchive");
    assertThat(bucket.path("bucket").asText()).startsWith("chat-uk-logs-uk-").endsWith("-eu-west-2");
    assertThat(bucket.path("tags").path("meridian:data-class").asText()).isEqualTo("user");
  }

  @Test
  void inferenceLogsShipFromTheFleetLogGroupToTheArchiveInTheSameRegion() throws IOException {
    JsonNode london = stack(first, "chat-uk-london");
    JsonNode filter = resource(london, "aws_cloudwatch_log_subscription_filter", "InferenceLogs");
    assertThat(filter.path("log_group_name").asText()).contains("aws_cloudwatch_log_group.Fleet_ServingLogs");
    JsonNode stream = resource(london, "aws_kinesis_firehose_delivery_stream", "InferenceLogs");
    assertThat(stream.path("extended_s3_configuration").path("bucket_arn").asText())
        .startsWith("arn:aws:s3:::chat-uk-logs-uk-").endsWith("-eu-west-2");
    assertThat(stream.path("extended_s3_configuration").path("prefix").asText()).isEqualTo("inference-logs/london/");
  }

  @Test
  void vectorStoreHasOneTaggedKeptVolumePerNode() throws IOException {
    JsonNode volumes = stack(first, "chat-uk-london").path("resource").path("aws_ebs_volume");
    assertThat(volumes.size()).isEqualTo(3);
    volumes.forEach(volume -> {
      assertThat(volume.path("tags").path("meridian:data-class").asText()).isEqualTo("user");
      assertThat(volume.path("encrypted").asBoolean()).isTrue();
      assertThat(volume.path("lifecycle").path("prevent_destroy").asBoolean()).isTrue();
    });
  }

  @Test
  void noGeneratedSecretValueIsWrittenToTheOutput() throws IOException {
    JsonNode versions = stack(first, "chat-uk-london").path("resource").path("aws_secretsmanager_secret_version");
    assertThat(versions.size()).isEqualTo(3);
    versions.forEach(version -> assertThat(version.path("secret_string").asText())
        .startsWith("${").contains("data.aws_secretsmanager_random_password."));
  }

  @Test
  void sameTopologiesGiveByteIdenticalOutput() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(first)) {
      files = walk.filter(Files::isRegularFile).map(first::relativize).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(second.resolve(file)).as(file.toString()).hasSameBinaryContentAs(first.resolve(file));
    }
  }

  @Test
  void primaryEvaluatesEverySiteStandbysIncludedIntoADerivedResultsBucket() throws IOException {
    JsonNode london = stack(first, "chat-uk-london");
    List<String> sites = new ArrayList<>();
    london.path("resource").path("aws_scheduler_schedule").forEach(schedule -> {
      if (schedule.path("target").path("arn").asText().contains("aws_ecs_cluster.Evals_")) {
        sites.add(schedule.path("target").path("input").asText().replaceAll(".*\\{\"name\":\"SITE\",\"value\":\"([^\"]+)\".*", "$1"));
      }
    });
    assertThat(sites).containsExactlyInAnyOrder("london", "uk-colo");
    JsonNode results = resource(london, "aws_s3_bucket", "EvalResults");
    assertThat(results.path("bucket").asText()).startsWith("chat-uk-evals-");
    assertThat(results.path("tags").path("meridian:data-class").asText()).isEqualTo("derived");
  }

  @Test
  void drillStopsThePrimaryFleetUntilTheAbortSwitchInItsRegionIsPulled() throws IOException {
    JsonNode london = stack(first, "chat-uk-london");
    JsonNode abort = resource(london, "aws_cloudwatch_metric_alarm", "DrillAbort");
    assertThat(abort.path("namespace").asText()).isEqualTo("Meridian/Drills");
    assertThat(abort.path("dimensions").path("Deployment").asText()).isEqualTo("chat-uk");
    JsonNode experiment = resource(london, "aws_cloudcontrolapi_resource", "Drill");
    assertThat(experiment.path("type_name").asText()).isEqualTo("AWS::FIS::ExperimentTemplate");
    assertThat(experiment.path("desired_state").asText())
        .contains("aws:ec2:stop-instances", "aws:ec2:asg-insufficient-instance-capacity-error", "aws_cloudwatch_metric_alarm.DrillAbort.arn");
    assertThat(stack(first, "chat-uk-dns").path("resource").has("aws_fis_experiment_template")).isFalse();
    assertThat(stack(first, "chat-shards-uk").path("resource").has("aws_cloudcontrolapi_resource")).isFalse();
  }

  @Test
  void gatewayMayInvokeOnlyTheFallbackModelInItsRegion() throws IOException {
    JsonNode london = stack(gateway, "assist-london");
    assertThat(resource(london, "aws_ecs_service", "Gateway").path("deployment_circuit_breaker").path("rollback").asBoolean())
        .isTrue();
    assertThat(resource(london, "aws_iam_role_policy", "Gateway_TaskRoleBedrock").path("policy").asText())
        .contains("\"Resource\":[\"arn:aws:bedrock:eu-west-2::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0\"]");
    assertThat(resource(london, "aws_lb_listener_rule", "Gateway_GatewayRule").path("listener_arn").asText())
        .contains("aws_lb_listener.Fleet_Https_");
  }

  @Test
  void fleetReadsThePinnedModelVersionFromItsRegionsParameterOnceItExists() throws IOException {
    JsonNode london = stack(first, "chat-uk-london");
    JsonNode parameter = resource(london, "aws_ssm_parameter", "ArtifactVersions_ModelVersion");
    assertThat(parameter.path("name").asText()).isEqualTo("/meridian/chat-uk/artifacts/model-version");
    assertThat(resource(london, "aws_autoscaling_group", "Fleet_Group").path("depends_on")).extracting(JsonNode::asText)
        .anySatisfy(d -> assertThat(d).startsWith("aws_ssm_parameter.ArtifactVersions_ModelVersion_"));
  }

  @Test
  void pilotLightStandbyWakesWhenThePrimarysAlarmIsRelayedToItsRegion() throws IOException {
    JsonNode frankfurt = stack(pilotLight, "chat-eu-dr-frankfurt");
    assertThat(resource(frankfurt, "aws_cloudwatch_event_rule", "Activation").path("event_pattern").asText())
        .contains("\"alarmName\":[\"chat-eu-dr-london-unhealthy\"]");
    assertThat(resource(frankfurt, "aws_sfn_state_machine", "Activation").path("definition").asText())
        .contains("\"AutoScalingGroupName\":\"${aws_autoscaling_group.Fleet_Group_");
    JsonNode dns = stack(pilotLight, "chat-eu-dr-dns");
    assertThat(resource(dns, "aws_cloudwatch_metric_alarm", "HealthAlarm-london").path("alarm_name").asText())
        .isEqualTo("chat-eu-dr-london-unhealthy");
    assertThat(resource(dns, "aws_cloudwatch_event_target", "PrimaryAlarmTo-eu-central-1").path("arn").asText())
        .startsWith("arn:aws:events:eu-central-1:").endsWith(":event-bus/default");
    assertThat(stack(pilotLight, "chat-eu-dr-london").path("resource").has("aws_sfn_state_machine")).isFalse();
  }
}
