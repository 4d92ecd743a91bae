package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArtifactVersionParametersTest {

  @Test
  void allThreeVersionsShareTheDeploymentPrefix() {
    assertThat(new ArtifactVersionParameters("chat").all()).containsExactly("/meridian/chat/artifacts/model-version",
        "/meridian/chat/artifacts/prompt-version", "/meridian/chat/artifacts/config-version");
  }

  @Test
  void hostsReadTheModelVersionFromItsParameter() {
    assertThat(new ArtifactVersionParameters("chat").modelVersion().ssmParameter())
        .contains("/meridian/chat/artifacts/model-version");
  }

  @Test
  void deploymentWithASlashIsRefused() {
    assertThatThrownBy(() -> new ArtifactVersionParameters("chat/../x"))
        .hasMessageStartingWith("deployment: 'chat/../x' must be lower-case letters");
  }
}
