package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayTaskTest {

  @Test
  void commandWritesTheConfigAndPrefixesTheMasterKey() {
    assertThat(GatewayTask.COMMAND).singleElement().satisfies(command -> assertThat(command)
        .startsWith("printf '%s' \"$GATEWAY_CONFIG\" >/tmp/config.yaml")
        .contains("export LITELLM_MASTER_KEY=\"sk-$GATEWAY_MASTER_KEY\"")
        .endsWith("exec litellm --config /tmp/config.yaml --port 4000")
        .doesNotContain("${", "%{"));
  }

  @Test
  void onlyAnApiProviderGetsItsKeyAsASecretVariable() {
    assertThat(GatewayTask.secrets(FallbackProvider.bedrock("eu-west-2", "m"), "config", "master", null))
        .containsExactly(Map.entry("GATEWAY_CONFIG", "config"), Map.entry("GATEWAY_MASTER_KEY", "master"));
    assertThat(GatewayTask.secrets(FallbackProvider.openAiCompatible("https://api.openai.com/v1", "gpt-4o"),
        "config", "master", "key")).containsOnlyKeys("FALLBACK_API_KEY", "GATEWAY_CONFIG", "GATEWAY_MASTER_KEY");
  }

  @Test
  void keyIsRequiredForAnApiProviderAndRefusedForBedrock() {
    assertThatThrownBy(() -> GatewayTask.requireFallbackKey(
        FallbackProvider.openAiCompatible("https://api.openai.com/v1", "gpt-4o"), false, "fallbackApiKeyArn"))
        .hasMessage("fallbackApiKeyArn: missing; an OpenAI-compatible fallback needs the secret holding its API key");
    assertThatThrownBy(() -> GatewayTask.requireFallbackKey(FallbackProvider.bedrock("eu-west-2", "m"), true, "fallbackApiKey"))
        .hasMessage("fallbackApiKey: given for Bedrock, which uses the task role; leave it out");
  }

  @Test
  void sizesOutsideFargateAndListenerLimitsAreRefused() {
    GatewayTask.requireSizes(100, 2, 512, 1024);
    assertThatThrownBy(() -> GatewayTask.requireSizes(0, 2, 512, 1024))
        .hasMessage("rulePriority: 0 must be between 1 and 49998");
    assertThatThrownBy(() -> GatewayTask.requireSizes(100, 0, 512, 1024)).hasMessage("desiredCount: 0 must be ≥ 1");
    assertThatThrownBy(() -> GatewayTask.requireSizes(100, 2, 512, 256)).hasMessage("memoryMiB: 256 must be ≥ 512");
  }
}
