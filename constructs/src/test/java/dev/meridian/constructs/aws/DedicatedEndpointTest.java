package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** A one-address server is its address's check; three addresses of which two must pass are combined. */
class DedicatedEndpointTest {

  private static SynthesizedTemplate single;
  private static SynthesizedTemplate rack;
  private static DedicatedEndpoint singleEndpoint;

  @BeforeAll
  static void synth() {
    App app = new App();
    Stack one = new Stack(app, "One");
    singleEndpoint = DedicatedEndpoint.Builder.create(one, "Colo").name("colo").addresses(List.of("198.51.100.7")).build();
    Stack three = new Stack(app, "Three");
    DedicatedEndpoint.Builder.create(three, "Rack").name("rack")
        .addresses(List.of("198.51.100.1", "198.51.100.2", "198.51.100.3"))
        .healthyAddresses(2)
        .build();
    single = new SynthesizedTemplate(Template.fromStack(one));
    rack = new SynthesizedTemplate(Template.fromStack(three));
  }

  @Test
  void singleAddressIsCheckedDirectly() {
    Map.Entry<String, JsonNode> check = single.resources("AWS::Route53::HealthCheck").entrySet().iterator().next();
    assertThat(single.resources("AWS::Route53::HealthCheck")).hasSize(1);
    JsonNode config = check.getValue().at("/Properties/HealthCheckConfig");
    assertThat(config.path("IPAddress").asText()).isEqualTo("198.51.100.7");
    assertThat(config.path("Type").asText()).isEqualTo("HTTPS");
    assertThat(config.path("Port").asInt()).isEqualTo(443);
    assertThat(config.path("EnableSNI").asBoolean()).isTrue();
    assertThat(singleEndpoint.getTarget().addresses()).containsExactly("198.51.100.7");
  }

  @Test
  void rackIsHealthyWhileTwoOfThreeAddressesAre() {
    assertThat(rack.resources("AWS::Route53::HealthCheck")).hasSize(4);
    JsonNode combined = rack.resources("AWS::Route53::HealthCheck").values().stream()
        .map(c -> c.at("/Properties/HealthCheckConfig"))
        .filter(c -> c.path("Type").asText().equals("CALCULATED"))
        .findFirst().orElseThrow();
    assertThat(combined.path("HealthThreshold").asInt()).isEqualTo(2);
    assertThat(combined.path("ChildHealthChecks")).hasSize(3);
  }

  @Test
  void thresholdAboveTheAddressCountIsRejected() {
    assertThatThrownBy(() -> DedicatedEndpoint.Builder.create(new Stack(new App(), "Bad"), "X").name("x")
        .addresses(List.of("198.51.100.1")).healthyAddresses(2).build())
        .hasMessage("healthyAddresses: 2 must be between 1 and the 1 addresses");
  }
}
