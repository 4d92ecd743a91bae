package dev.meridian.blueprints.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.blueprints.Deployments;
import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Role;
import org.junit.jupiter.api.Test;

class PatternTest {

  @Test
  void eachKindHasItsPattern() {
    Catalog catalog = Catalog.builtIn();

    assertThat(Pattern.of(PatternKind.ACTIVE_ACTIVE, catalog)).isInstanceOf(ActiveActive.class);
    assertThat(Pattern.of(PatternKind.ACTIVE_PASSIVE, catalog)).isInstanceOf(ActivePassive.class);
    assertThat(Pattern.of(PatternKind.REGIONAL_SHARDING, catalog)).isInstanceOf(RegionalSharding.class);
    assertThat(Pattern.of(PatternKind.HUB_AND_SPOKE, catalog)).isInstanceOf(HubAndSpoke.class);
    assertThat(Pattern.of(PatternKind.SINGLE_REGION, catalog)).isInstanceOf(SingleRegion.class);
  }

  @Test
  void theDeploymentNamesItsPattern() {
    var deployment = Deployments.of(PatternKind.SINGLE_REGION).aws("london", "eu-west-2", Role.PRIMARY).build();

    assertThat(Pattern.of(deployment)).isInstanceOf(SingleRegion.class);
  }
}
