package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.meridian.constructs.dns.HealthCheckSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plain-HTTP server with three addresses, healthy while two are. */
class DedicatedEndpointTest {

  @Test
  void rackIsCombinedFromOneCheckPerAddress() throws Exception {
    TerraformStack stack = new TerraformStack(Testing.app(), "endpoint");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("us-east-1").build());
    DedicatedEndpoint rack = DedicatedEndpoint.Builder.create(stack, "Rack").name("rack")
        .addresses(List.of("198.51.100.1", "198.51.100.2", "198.51.100.3"))
        .healthCheck(new HealthCheckSettings(HealthCheckSettings.Protocol.HTTP, 8000, "/v1/models", 30, 5, Optional.empty()))
        .healthyAddresses(2)
        .build();
    JsonNode checks = new ObjectMapper().readTree(Testing.synth(stack)).path("resource").path("aws_route53_health_check");
    assertThat(checks.size()).isEqualTo(4);
    JsonNode first = checks.path(checks.fieldNames().next());
    assertThat(first.path("type").asText()).isEqualTo("HTTP");
    assertThat(first.path("port").asInt()).isEqualTo(8000);
    assertThat(first.path("resource_path").asText()).isEqualTo("/v1/models");
    assertThat(first.has("enable_sni")).isFalse();
    JsonNode combined = checks.properties().stream().map(java.util.Map.Entry::getValue)
        .filter(c -> c.path("type").asText().equals("CALCULATED")).findFirst().orElseThrow();
    assertThat(combined.path("child_health_threshold").asInt()).isEqualTo(2);
    assertThat(combined.path("child_healthchecks").size()).isEqualTo(3);
    assertThat(com.hashicorp.cdktf.Token.isUnresolved(rack.getHealthCheckId())).isTrue();
  }
}
