package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.meridian.constructs.dns.DnsRecord;
import dev.meridian.constructs.dns.DnsTarget;
import dev.meridian.constructs.dns.HealthCheckSettings;
import dev.meridian.constructs.dns.RoutingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Terraform twin builds what the CDK one does: failover from a load balancer to a chain
 * ending at a two-address dedicated server, geolocation records, alarms named per site.
 */
class DnsFailoverTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ZONE = "Z0123456789ABC";
  private static final String LONDON_LB = "london-123.eu-west-2.elb.amazonaws.com";
  private static TerraformStack stack;
  private static JsonNode resources;
  private static DnsFailover dns;

  @BeforeAll
  static void synthesize() throws Exception {
    stack = new TerraformStack(Testing.app(), "dns");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("us-east-1").build());
    dns = DnsFailover.Builder.create(stack, "Dns")
        .name("chat")
        .zoneId(ZONE)
        .healthCheck(HealthCheckSettings.defaults().withSearchString("ok"))
        .site("london", DnsTarget.loadBalancer(LONDON_LB, "ZHURV8PSTC4K8"), "london.api.example.com")
        .site("colo", DnsTarget.addresses(List.of("203.0.113.10", "203.0.113.11")))
        .site("virginia", DnsTarget.loadBalancer("va-789.us-east-1.elb.amazonaws.com", "Z35SXDOTRQ7X7K"))
        .records(List.of(
            DnsRecord.toSite("api.example.com", "london", RoutingPolicy.primary(), "london", true),
            DnsRecord.aliasOf("api.example.com", "standbys", RoutingPolicy.secondary(), "standby.api.example.com"),
            DnsRecord.toSite("standby.api.example.com", null, RoutingPolicy.simple(), "colo", false),
            DnsRecord.toSite("geo.example.com", "gb", RoutingPolicy.country("GB"), "london", true),
            DnsRecord.toSite("geo.example.com", "na", RoutingPolicy.continent("NA"), "virginia", true),
            DnsRecord.toSite("geo.example.com", "default", RoutingPolicy.anyLocation(), "virginia", true)))
        .build();
    resources = JSON.readTree(Testing.synth(stack)).path("resource");
  }

  private static List<JsonNode> all(String type) {
    List<JsonNode> found = new ArrayList<>();
    resources.path(type).elements().forEachRemaining(found::add);
    return found;
  }

  private static JsonNode check(String nameTag) {
    return all("aws_route53_health_check").stream().filter(c -> c.path("tags").path("Name").asText().equals(nameTag))
        .findFirst().orElseThrow(() -> new AssertionError("no health check tagged " + nameTag));
  }

  private static String address(String nameTag) {
    return resources.path("aws_route53_health_check").properties().stream()
        .filter(e -> e.getValue().path("tags").path("Name").asText().equals(nameTag))
        .map(e -> "aws_route53_health_check." + e.getKey()).findFirst().orElseThrow();
  }

  private static JsonNode record(String name, String setIdentifier) {
    return all("aws_route53_record").stream()
        .filter(r -> r.path("name").asText().equals(name) && r.path("set_identifier").asText("").equals(setIdentifier))
        .findFirst().orElseThrow(() -> new AssertionError("no record " + name + " " + setIdentifier));
  }

  @Test
  void loadBalancerCheckRequestsItsNameWithSniAndTheStringMatch() {
    JsonNode london = check("london");
    assertThat(london.path("type").asText()).isEqualTo("HTTPS_STR_MATCH");
    assertThat(london.path("fqdn").asText()).isEqualTo(LONDON_LB);
    assertThat(london.path("search_string").asText()).isEqualTo("ok");
    assertThat(london.path("resource_path").asText()).isEqualTo("/health");
    assertThat(london.path("request_interval").asInt()).isEqualTo(10);
    assertThat(london.path("enable_sni").asBoolean()).isTrue();
  }

  @Test
  void dedicatedServerIsCheckedPerAddressAndCombined() {
    assertThat(check("colo 203.0.113.10").path("ip_address").asText()).isEqualTo("203.0.113.10");
    JsonNode combined = check("colo");
    assertThat(combined.path("type").asText()).isEqualTo("CALCULATED");
    assertThat(combined.path("child_health_threshold").asInt()).isEqualTo(1);
    assertThat(combined.path("child_healthchecks").toString())
        .contains(address("colo 203.0.113.10") + ".id", address("colo 203.0.113.11") + ".id");
  }

  @Test
  void alarmsAreNamedPerSiteAndWatchTheirCheck() {
    Map<String, JsonNode> byName = new java.util.TreeMap<>();
    all("aws_cloudwatch_metric_alarm").forEach(a -> byName.put(a.path("alarm_name").asText(), a));
    assertThat(byName).containsOnlyKeys("chat-london-unhealthy", "chat-colo-unhealthy", "chat-virginia-unhealthy");
    assertThat(byName.get("chat-colo-unhealthy").path("dimensions").path("HealthCheckId").asText())
        .isEqualTo("${" + address("colo") + ".id}");
    assertThat(byName.get("chat-colo-unhealthy").path("treat_missing_data").asText()).isEqualTo("breaching");
  }

  @Test
  void primaryCarriesItsCheckAndTheChainAliasesTheStandbyName() {
    JsonNode primary = record("api.example.com", "london");
    assertThat(primary.path("failover_routing_policy").path("type").asText()).isEqualTo("PRIMARY");
    assertThat(primary.path("health_check_id").asText()).isEqualTo("${" + address("london") + ".id}");
    assertThat(primary.path("alias").path("evaluate_target_health").asBoolean()).isFalse();
    JsonNode secondary = record("api.example.com", "standbys");
    assertThat(secondary.path("alias").path("name").asText()).isEqualTo("standby.api.example.com");
    assertThat(secondary.path("alias").path("zone_id").asText()).isEqualTo(ZONE);
    assertThat(secondary.path("alias").path("evaluate_target_health").asBoolean()).isTrue();
    assertThat(secondary.has("health_check_id")).isFalse();
  }

  @Test
  void dedicatedRecordAnswersWithItsAddresses() {
    JsonNode standby = record("standby.api.example.com", "");
    assertThat(standby.path("records").toString()).isEqualTo("[\"203.0.113.10\",\"203.0.113.11\"]");
    assertThat(standby.path("ttl").asInt()).isEqualTo(60);
    assertThat(record("london.api.example.com", "").path("alias").path("evaluate_target_health").asBoolean()).isTrue();
  }

  @Test
  void geolocationCoversCountryContinentAndEveryoneElse() {
    assertThat(record("geo.example.com", "gb").path("geolocation_routing_policy").path("country").asText()).isEqualTo("GB");
    assertThat(record("geo.example.com", "na").path("geolocation_routing_policy").path("continent").asText()).isEqualTo("NA");
    assertThat(record("geo.example.com", "default").path("geolocation_routing_policy").path("country").asText()).isEqualTo("*");
  }

  @Test
  void aZoneIdIsRequired() {
    assertThatThrownBy(() -> DnsFailover.Builder.create(stack, "NoZone").name("x")
        .site("a", DnsTarget.addresses(List.of("203.0.113.1"))).build())
        .hasMessage("zoneId: missing; pass the hosted zone's id (in CloudFormation, its zoneName will do)");
    assertThatThrownBy(() -> dns.getAlarm("tokyo")).hasMessageContaining("no site named tokyo");
  }
}
