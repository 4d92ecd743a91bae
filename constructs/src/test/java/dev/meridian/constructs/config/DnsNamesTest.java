package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DnsNamesTest {

  @Test
  void failoverIdentifiersNameTargetAndRole() {
    assertThat(DnsNames.failoverSetIdentifier("uk", true)).isEqualTo("uk-primary");
    assertThat(DnsNames.failoverSetIdentifier("uk-colo", false)).isEqualTo("uk-colo-secondary");
  }

  @Test
  void geolocationIdentifiersNameTargetAndArea() {
    assertThat(DnsNames.geolocationSetIdentifier("eu", "DE")).isEqualTo("eu-de");
  }

  @Test
  void chainLinksLiveUnderTheRecordName() {
    assertThat(DnsNames.chainedRecordName("api.example.com", 2)).isEqualTo("failover-2.api.example.com");
  }

  @Test
  void theFirstLinkOfAChainIsTheRecordItself() {
    assertThatThrownBy(() -> DnsNames.chainedRecordName("api.example.com", 1))
        .hasMessageStartingWith("link: 1 must be ≥ 2");
  }

  @Test
  void rejectsATargetNameWithUpperCase() {
    assertThatThrownBy(() -> DnsNames.requireTargetName("name", "UK"))
        .hasMessageStartingWith("name: 'UK' is not a target name");
  }
}
