package dev.meridian.constructs.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine-neutral DNS vocabulary rejects what Route 53 would reject, with the field and the fix. */
class DnsFailoverPropsTest {

  private static final DnsSite LONDON = new DnsSite("london", DnsTarget.loadBalancer("lb.example", "Z1"), Optional.empty());
  private static final DnsSite COLO = new DnsSite("colo", DnsTarget.addresses(List.of("203.0.113.10")), Optional.empty());

  private static DnsFailoverProps props(Optional<String> zoneId, List<DnsRecord> records) {
    return new DnsFailoverProps("chat", zoneId, Optional.of("example.com"), 60, HealthCheckSettings.defaults(),
        List.of(LONDON, COLO), records);
  }

  @Test
  void failoverPairWithAChainAliasIsAccepted() {
    DnsFailoverProps props = props(Optional.of("Z0123"), List.of(
        DnsRecord.toSite("api.example.com", "london", RoutingPolicy.primary(), "london", true),
        DnsRecord.aliasOf("api.example.com", "standbys", RoutingPolicy.secondary(), "standby.api.example.com"),
        DnsRecord.toSite("standby.api.example.com", null, RoutingPolicy.simple(), "colo", false)));
    assertThat(props.records()).hasSize(3);
    assertThat(props.site("colo").target()).isInstanceOf(DnsTarget.Addresses.class);
  }

  @Test
  void recordsMustNameKnownSitesAndNames() {
    assertThatThrownBy(() -> props(Optional.empty(), List.of(
        DnsRecord.toSite("api.example.com", null, RoutingPolicy.simple(), "paris", true))))
        .hasMessage("records: api.example.com names site 'paris', which is not among the sites [colo, london]");
    assertThatThrownBy(() -> props(Optional.of("Z1"), List.of(
        DnsRecord.aliasOf("api.example.com", "a", RoutingPolicy.secondary(), "nowhere.example.com"))))
        .hasMessage("records: api.example.com/a aliases 'nowhere.example.com', which no record has as its name");
  }

  @Test
  void anAliasWithinTheZoneNeedsItsId() {
    assertThatThrownBy(() -> props(Optional.empty(), List.of(
        DnsRecord.toSite("b.example.com", null, RoutingPolicy.simple(), "colo", false),
        DnsRecord.aliasOf("api.example.com", "b", RoutingPolicy.secondary(), "b.example.com"))))
        .hasMessage("records: api.example.com/b aliases another name of the zone, which needs zoneId");
  }

  @Test
  void oneNameKeepsOnePolicyAndOneRecordPerRole() {
    assertThatThrownBy(() -> props(Optional.empty(), List.of(
        DnsRecord.toSite("api.example.com", "london", RoutingPolicy.primary(), "london", true),
        DnsRecord.toSite("api.example.com", "colo", RoutingPolicy.latency("eu-west-2"), "colo", true))))
        .hasMessage("records: api.example.com/colo mixes routing policies within the name api.example.com");
    assertThatThrownBy(() -> props(Optional.empty(), List.of(
        DnsRecord.toSite("api.example.com", "london", RoutingPolicy.primary(), "london", true),
        DnsRecord.toSite("api.example.com", "colo", RoutingPolicy.primary(), "colo", true))))
        .hasMessage("records: api.example.com has two PRIMARY failover records");
    assertThatThrownBy(() -> props(Optional.empty(), List.of(
        DnsRecord.toSite("api.example.com", "gb", RoutingPolicy.country("GB"), "london", true),
        DnsRecord.toSite("api.example.com", "gb", RoutingPolicy.anyLocation(), "colo", true))))
        .hasMessage("records: api.example.com/gb is added twice");
  }

  @Test
  void countryContinentAndDefaultShareTheGeolocationPolicy() {
    assertThat(props(Optional.empty(), List.of(
        DnsRecord.toSite("api.example.com", "gb", RoutingPolicy.country("GB"), "london", true),
        DnsRecord.toSite("api.example.com", "eu", RoutingPolicy.continent("EU"), "london", true),
        DnsRecord.toSite("api.example.com", "default", RoutingPolicy.anyLocation(), "colo", true))).records()).hasSize(3);
  }

  @Test
  void simpleRecordsTakeNoIdentifierAndOthersNeedOne() {
    assertThatThrownBy(() -> DnsRecord.toSite("api.example.com", "x", RoutingPolicy.simple(), "london", false))
        .hasMessage("record api.example.com: a simple record takes no setIdentifier");
    assertThatThrownBy(() -> DnsRecord.toSite("api.example.com", null, RoutingPolicy.latency("eu-west-2"), "london", true))
        .hasMessage("record api.example.com: a latency record needs a setIdentifier");
    assertThatThrownBy(() -> DnsRecord.toSite("api.example.com.", null, RoutingPolicy.simple(), "london", false))
        .hasMessageStartingWith("record name: 'api.example.com.' must be a fully qualified name without the trailing dot");
  }

  @Test
  void valuesRoute53WouldRejectAreRejected() {
    assertThatThrownBy(() -> RoutingPolicy.country("gb")).hasMessageContaining("ISO-3166 alpha-2");
    assertThatThrownBy(() -> RoutingPolicy.continent("EUR")).hasMessageContaining("AF, AN, AS, EU, NA, OC, SA");
    assertThatThrownBy(() -> RoutingPolicy.latency("London")).hasMessageContaining("AWS region such as eu-west-2");
    assertThatThrownBy(() -> DnsTarget.addresses(List.of("203.0.113.300")))
        .hasMessage("addresses: '203.0.113.300' is not an IPv4 address such as 203.0.113.10");
    assertThatThrownBy(() -> DnsTarget.addresses(List.of("203.0.113.1", "203.0.113.1"))).hasMessageContaining("twice");
    assertThatThrownBy(() -> new HealthCheckSettings(HealthCheckSettings.Protocol.HTTPS, 443, "/health", 20, 3, Optional.empty()))
        .hasMessage("healthCheck.intervalSeconds: 20 must be 10 or 30 (Route 53's two intervals)");
    assertThatThrownBy(() -> new HealthCheckSettings(HealthCheckSettings.Protocol.HTTPS, 443, "health", 10, 3, Optional.empty()))
        .hasMessageContaining("must start with /");
    assertThatThrownBy(() -> HealthCheckSettings.defaults().withSearchString("x".repeat(256)))
        .hasMessage("healthCheck.searchString: must be 1 to 255 characters, got 256");
  }

  @Test
  void searchStringTurnsTheCheckIntoAStringMatch() {
    assertThat(HealthCheckSettings.defaults().route53Type()).isEqualTo("HTTPS");
    assertThat(HealthCheckSettings.defaults().withSearchString("ok").route53Type()).isEqualTo("HTTPS_STR_MATCH");
    assertThat(new HealthCheckSettings(HealthCheckSettings.Protocol.HTTP, 80, "/", 30, 2, Optional.empty()).sni()).isFalse();
  }

  @Test
  void dedicatedEndpointNeedsAReachableThreshold() {
    assertThatThrownBy(() -> DedicatedEndpointProps.of("colo", List.of("203.0.113.10"), HealthCheckSettings.defaults(), 2))
        .hasMessage("healthyAddresses: 2 must be between 1 and the 1 addresses");
    assertThatThrownBy(() -> DedicatedEndpointProps.of(" ", List.of("203.0.113.10"), HealthCheckSettings.defaults(), 1))
        .hasMessage("name: missing; e.g. the site's name");
  }
}
