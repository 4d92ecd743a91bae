package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionalBucketNameTest {

  @Test
  void nameEndsWithAccountAndRegion() {
    assertThat(new RegionalBucketName("chat-uk-artifacts").in("111111111111", "eu-west-2"))
        .isEqualTo("chat-uk-artifacts-111111111111-eu-west-2");
  }

  @Test
  void longestPrefixStillFitsTheLongestRegion() {
    String prefix = "a".repeat(RegionalBucketName.MAX_PREFIX_LENGTH);
    assertThat(new RegionalBucketName(prefix).in("111111111111", "ap-southeast-5")).hasSizeLessThanOrEqualTo(63);
  }

  @Test
  void prefixTooLongIsRefused() {
    assertThatThrownBy(() -> new RegionalBucketName("a".repeat(36)))
        .hasMessageStartingWith("prefix: '" + "a".repeat(36) + "' is not a bucket name prefix; use 3-35");
  }

  @Test
  void upperCaseIsRefused() {
    assertThatThrownBy(() -> new RegionalBucketName("Chat-logs")).hasMessageStartingWith("prefix: 'Chat-logs'");
  }
}
