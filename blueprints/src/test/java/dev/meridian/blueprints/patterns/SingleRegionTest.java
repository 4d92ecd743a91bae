package dev.meridian.blueprints.patterns;

import static dev.meridian.blueprints.patterns.ActivePassiveTest.flows;
import static dev.meridian.blueprints.plan.FlowKind.HOSTED_API_FALLBACK;
import static dev.meridian.blueprints.spec.DataClass.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.blueprints.Deployments;
import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.Cost;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Role;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SingleRegionTest {

  private static Deployments london() {
    return Deployments.of(PatternKind.SINGLE_REGION).aws("london", "eu-west-2", Role.PRIMARY);
  }

  private static Topology plan(Deployments deployments) {
    return new SingleRegion(Catalog.builtIn()).plan(deployments.build());
  }

  @Test
  void theSiteGetsASimpleRecordThatCannotCarryAHealthCheck() {
    Topology topology = plan(london());

    assertThat(topology.routing().policy()).isEqualTo(RoutingPolicy.SIMPLE);
    assertThat(topology.routing().records())
        .containsExactly(new RecordSet("api.example.com", "london", "london", new RoutingRule.Simple(), false));
  }

  @Test
  void bedrockFallbackIsInItsAwsRegionsJurisdiction() {
    assertThat(flows(plan(london().fallback("bedrock", "eu-west-2")), HOSTED_API_FALLBACK))
        .containsExactly(new DataFlow(HOSTED_API_FALLBACK, "london", "bedrock:eu-west-2", USER, "UK", "UK", true));
    assertThat(flows(plan(london().fallback("bedrock", "us-east-1")), HOSTED_API_FALLBACK))
        .containsExactly(new DataFlow(HOSTED_API_FALLBACK, "london", "bedrock:us-east-1", USER, "UK", "US", false));
  }

  @Test
  void otherProvidersMayNameAJurisdictionAsTheirRegion() {
    Topology topology = plan(london().fallback("openai", "eu"));

    assertThat(flows(topology, HOSTED_API_FALLBACK))
        .containsExactly(new DataFlow(HOSTED_API_FALLBACK, "london", "openai:eu", USER, "UK", "EU", false));
    assertThat(topology.warnings()).isEmpty();
  }

  @Test
  void unknownFallbackRegionIsAnUnknownJurisdictionWithAWarning() {
    Topology topology = plan(london().fallback("azure", "westeurope"));

    assertThat(flows(topology, HOSTED_API_FALLBACK))
        .containsExactly(new DataFlow(HOSTED_API_FALLBACK, "london", "azure:westeurope", USER, "UK", "unknown", false));
    assertThat(topology.warnings()).extracting(p -> p.render()).containsExactly(
        "specs/chat.jsonnet: warning: fallback.region: \"westeurope\" is neither an AWS region nor a jurisdiction"
            + " code the catalog knows, so its jurisdiction is unknown (use an AWS region such as eu-west-2,"
            + " or a jurisdiction code such as EU)");
  }

  @Test
  void noFallbackNoFallbackFlow() {
    assertThat(flows(plan(london()), HOSTED_API_FALLBACK)).isEmpty();
  }

  @Test
  void fleetIsPricedFromMinimumToMaximum() {
    Cost cost = plan(london().gpu("g5.xlarge", 1, 2)).cost();

    assertThat(cost.lines()).containsExactly(new Cost.Line("london", "gpu fleet", "g5.xlarge", 1, 2, new BigDecimal("1.1762")));
    assertThat(cost.minUsdPerHour()).isEqualByComparingTo("1.1762");
    assertThat(cost.maxUsdPerHour()).isEqualByComparingTo("2.3524");
  }
}
