package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.constructs.dns.DnsRecord;
import dev.meridian.constructs.dns.DnsTarget;
import dev.meridian.constructs.dns.HealthCheckSettings;
import dev.meridian.constructs.dns.RoutingPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Failover from a load balancer to a chain of standbys ending at a dedicated server with two
 * addresses; and geolocation plus latency routing in a zone given by name.
 */
class DnsFailoverTest {

  private static final String ZONE = "Z0123456789ABC";
  private static final String LONDON_LB = "london-123.eu-west-2.elb.amazonaws.com";
  private static SynthesizedTemplate failover;
  private static SynthesizedTemplate geo;
  private static DnsFailover failoverDns;

  @BeforeAll
  static void synth() {
    App app = new App();
    Stack failoverStack = stack(app, "Failover");
    failoverDns = DnsFailover.Builder.create(failoverStack, "Dns")
        .name("chat")
        .zoneId(ZONE)
        .healthCheck(new HealthCheckSettings(HealthCheckSettings.Protocol.HTTPS, 443, "/ready", 30, 2, Optional.empty())
            .withSearchString("ok"))
        .ttl(30)
        .site("london", DnsTarget.loadBalancer(LONDON_LB, "ZHURV8PSTC4K8"), "london.api.example.com")
        .site("paris", DnsTarget.loadBalancer("paris-456.eu-west-3.elb.amazonaws.com", "Z3Q77PNBQS71R4"))
        .site("colo", DnsTarget.addresses(List.of("203.0.113.10", "203.0.113.11")), "colo.api.example.com")
        .records(List.of(
            DnsRecord.toSite("api.example.com", "london", RoutingPolicy.primary(), "london", true),
            DnsRecord.aliasOf("api.example.com", "standbys", RoutingPolicy.secondary(), "standby.api.example.com"),
            DnsRecord.toSite("standby.api.example.com", "paris", RoutingPolicy.primary(), "paris", true),
            DnsRecord.toSite("standby.api.example.com", "colo", RoutingPolicy.secondary(), "colo", true)))
        .build();
    Stack geoStack = stack(app, "Geo");
    DnsFailover.Builder.create(geoStack, "Dns")
        .name("shards")
        .zoneName("example.com")
        .site("london", DnsTarget.loadBalancer(LONDON_LB, "ZHURV8PSTC4K8"))
        .site("virginia", DnsTarget.loadBalancer("va-789.us-east-1.elb.amazonaws.com", "Z35SXDOTRQ7X7K"))
        .records(List.of(
            DnsRecord.toSite("api.example.com", "gb", RoutingPolicy.country("GB"), "london", true),
            DnsRecord.toSite("api.example.com", "eu", RoutingPolicy.continent("EU"), "london", true),
            DnsRecord.toSite("api.example.com", "default", RoutingPolicy.anyLocation(), "virginia", true),
            DnsRecord.toSite("fast.example.com", "london", RoutingPolicy.latency("eu-west-2"), "london", true),
            DnsRecord.toSite("fast.example.com", "virginia", RoutingPolicy.latency("us-east-1"), "virginia", true),
            DnsRecord.toSite("docs.example.com", null, RoutingPolicy.simple(), "virginia", false)))
        .build();
    failover = new SynthesizedTemplate(Template.fromStack(failoverStack));
    geo = new SynthesizedTemplate(Template.fromStack(geoStack));
  }

  private static Stack stack(App app, String id) {
    return new Stack(app, id, StackProps.builder()
        .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
  }

  private static Map<String, JsonNode> checks(SynthesizedTemplate template) {
    return template.resources("AWS::Route53::HealthCheck").values().stream().collect(Collectors.toMap(
        check -> check.at("/Properties/HealthCheckTags/0/Value").asText(), check -> check.at("/Properties/HealthCheckConfig")));
  }

  private static JsonNode record(SynthesizedTemplate template, String name, String setIdentifier) {
    return template.resources("AWS::Route53::RecordSet").values().stream()
        .map(r -> r.path("Properties"))
        .filter(p -> p.path("Name").asText().equals(name + ".") && p.path("SetIdentifier").asText("").equals(setIdentifier))
        .findFirst().orElseThrow(() -> new AssertionError("no record " + name + " " + setIdentifier));
  }

  private static String logicalIdOfCheck(String tagName) {
    return failover.resources("AWS::Route53::HealthCheck").entrySet().stream()
        .filter(e -> e.getValue().at("/Properties/HealthCheckTags/0/Value").asText().equals(tagName))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  @Test
  void loadBalancerSitesAreCheckedByNameWithSniAndTheStringMatch() {
    JsonNode london = checks(failover).get("london");
    assertThat(london.path("Type").asText()).isEqualTo("HTTPS_STR_MATCH");
    assertThat(london.path("FullyQualifiedDomainName").asText()).isEqualTo(LONDON_LB);
    assertThat(london.path("SearchString").asText()).isEqualTo("ok");
    assertThat(london.path("ResourcePath").asText()).isEqualTo("/ready");
    assertThat(london.path("RequestInterval").asInt()).isEqualTo(30);
    assertThat(london.path("FailureThreshold").asInt()).isEqualTo(2);
    assertThat(london.path("EnableSNI").asBoolean()).isTrue();
  }

  @Test
  void dedicatedServerIsCheckedPerAddressAndCombined() {
    Map<String, JsonNode> checks = checks(failover);
    assertThat(checks.get("colo 203.0.113.10").path("IPAddress").asText()).isEqualTo("203.0.113.10");
    assertThat(checks.get("colo 203.0.113.11").path("IPAddress").asText()).isEqualTo("203.0.113.11");
    JsonNode combined = checks.get("colo");
    assertThat(combined.path("Type").asText()).isEqualTo("CALCULATED");
    assertThat(combined.path("HealthThreshold").asInt()).isEqualTo(1);
    assertThat(combined.path("ChildHealthChecks").toString())
        .contains(logicalIdOfCheck("colo 203.0.113.10"), logicalIdOfCheck("colo 203.0.113.11"));
    assertThat(checks).hasSize(5);
  }

  @Test
  void everySiteHasAnAlarmOnItsCheckInTheStacksRegion() {
    Map<String, JsonNode> alarms = failover.resources("AWS::CloudWatch::Alarm");
    assertThat(alarms).hasSize(3);
    assertThat(alarms.values()).allSatisfy(alarm -> {
      assertThat(alarm.at("/Properties/Namespace").asText()).isEqualTo("AWS/Route53");
      assertThat(alarm.at("/Properties/ComparisonOperator").asText()).isEqualTo("LessThanThreshold");
      assertThat(alarm.at("/Properties/TreatMissingData").asText()).isEqualTo("breaching");
    });
    assertThat(alarms.values().stream().map(a -> a.at("/Properties/Dimensions/0/Value/Fn::GetAtt/0").asText()))
        .containsExactlyInAnyOrder(logicalIdOfCheck("london"), logicalIdOfCheck("paris"), logicalIdOfCheck("colo"));
    assertThat(failoverDns.getAlarm("colo").getNode().getPath()).endsWith("HealthAlarm-colo");
  }

  @Test
  void primaryCarriesItsCheckAndAliasesTheLoadBalancerWithoutDoubleCounting() {
    JsonNode primary = record(failover, "api.example.com", "london");
    assertThat(primary.path("Failover").asText()).isEqualTo("PRIMARY");
    assertThat(primary.path("HostedZoneId").asText()).isEqualTo(ZONE);
    assertThat(primary.at("/HealthCheckId/Fn::GetAtt/0").asText()).isEqualTo(logicalIdOfCheck("london"));
    assertThat(primary.at("/AliasTarget/DNSName").asText()).isEqualTo(LONDON_LB);
    assertThat(primary.at("/AliasTarget/HostedZoneId").asText()).isEqualTo("ZHURV8PSTC4K8");
    assertThat(primary.at("/AliasTarget/EvaluateTargetHealth").asBoolean()).isFalse();
  }

  @Test
  void secondaryChainsToTheStandbyNameInTheSameZone() {
    JsonNode secondary = record(failover, "api.example.com", "standbys");
    assertThat(secondary.path("Failover").asText()).isEqualTo("SECONDARY");
    assertThat(secondary.has("HealthCheckId")).isFalse();
    assertThat(secondary.at("/AliasTarget/DNSName").asText()).isEqualTo("standby.api.example.com.");
    assertThat(secondary.at("/AliasTarget/HostedZoneId").asText()).isEqualTo(ZONE);
    assertThat(secondary.at("/AliasTarget/EvaluateTargetHealth").asBoolean()).isTrue();
  }

  @Test
  void dedicatedRecordAnswersWithItsAddressesAndTheCombinedCheck() {
    JsonNode colo = record(failover, "standby.api.example.com", "colo");
    assertThat(colo.path("ResourceRecords").toString()).isEqualTo("[\"203.0.113.10\",\"203.0.113.11\"]");
    assertThat(colo.path("TTL").asText()).isEqualTo("30");
    assertThat(colo.at("/HealthCheckId/Fn::GetAtt/0").asText()).isEqualTo(logicalIdOfCheck("colo"));
    assertThat(colo.has("AliasTarget")).isFalse();
  }

  @Test
  void hostNamesAnswerWithOneSiteAndEvaluateTheLoadBalancer() {
    JsonNode london = record(failover, "london.api.example.com", "");
    assertThat(london.has("Failover")).isFalse();
    assertThat(london.at("/AliasTarget/EvaluateTargetHealth").asBoolean()).isTrue();
    assertThat(record(failover, "colo.api.example.com", "").path("ResourceRecords")).hasSize(2);
    assertThat(failover.resources("AWS::Route53::RecordSet")).hasSize(6);
  }

  @Test
  void geolocationCoversCountryContinentAndEveryoneElse() {
    assertThat(record(geo, "api.example.com", "gb").at("/GeoLocation/CountryCode").asText()).isEqualTo("GB");
    assertThat(record(geo, "api.example.com", "eu").at("/GeoLocation/ContinentCode").asText()).isEqualTo("EU");
    assertThat(record(geo, "api.example.com", "default").at("/GeoLocation/CountryCode").asText()).isEqualTo("*");
    assertThat(record(geo, "api.example.com", "gb").path("HostedZoneName").asText()).isEqualTo("example.com.");
  }

  @Test
  void latencyRecordsNameTheirRegionAndSimpleOnesStandAlone() {
    assertThat(record(geo, "fast.example.com", "london").path("Region").asText()).isEqualTo("eu-west-2");
    assertThat(record(geo, "fast.example.com", "virginia").path("Region").asText()).isEqualTo("us-east-1");
    JsonNode docs = record(geo, "docs.example.com", "");
    assertThat(docs.has("SetIdentifier")).isFalse();
    assertThat(docs.has("HealthCheckId")).isFalse();
    JsonNode check = checks(geo).get("london");
    assertThat(check.path("Type").asText()).isEqualTo("HTTPS");
    assertThat(check.path("RequestInterval").asInt()).isEqualTo(10);
    assertThat(check.path("ResourcePath").asText()).isEqualTo("/health");
  }

  @Test
  void unknownSitesAndAMissingZoneAreRejected() {
    assertThatThrownBy(() -> failoverDns.getHealthCheckId("tokyo")).hasMessageContaining("no site named tokyo");
    Stack stack = stack(new App(), "Bad");
    assertThatThrownBy(() -> DnsFailover.Builder.create(stack, "Dns").name("x")
        .site("a", DnsTarget.addresses(List.of("203.0.113.1"))).build())
        .hasMessage("zoneId: missing; pass the hosted zone's id (in CloudFormation, its zoneName will do)");
  }
}
