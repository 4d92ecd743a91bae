package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogRetentionTest {

  @Test
  void acceptsAMonth() {
    assertThat(LogRetention.requireSupported("logRetentionDays", 30)).isEqualTo(30);
  }

  @Test
  void rejectsDaysCloudWatchDoesNotOffer() {
    assertThatThrownBy(() -> LogRetention.requireSupported("logRetentionDays", 31))
        .hasMessageStartingWith("logRetentionDays: 31 days is not a CloudWatch Logs retention; use one of [1, 3,");
  }
}
