package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PinnedVersionTest {

  @Test
  void aFixedVersionNeedsNoParameter() {
    assertThat(PinnedVersion.of("2025-06-01").ssmParameter()).isEmpty();
  }

  @Test
  void aParameterVersionNamesItsParameter() {
    assertThat(PinnedVersion.fromParameter("/meridian/chat/model-version").ssmParameter())
        .contains("/meridian/chat/model-version");
  }

  @Test
  void rejectsAVersionThatWouldLeaveTheArtifactFolder() {
    assertThatThrownBy(() -> PinnedVersion.of("../secrets"))
        .hasMessageStartingWith("version: '../secrets' is not a version");
  }

  @Test
  void rejectsAParameterNameWithoutLeadingSlash() {
    assertThatThrownBy(() -> PinnedVersion.fromParameter("model-version"))
        .hasMessageStartingWith("parameterName: 'model-version' is not an SSM parameter path");
  }
}
