package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  @Test
  void selfHostedModelComesFirstAndFallsBackToBedrock() {
    GatewayConfig config = new GatewayConfig("meta-llama/Llama-3.1-8B-Instruct", "https://api.example.com/v1",
        FallbackProvider.bedrock("eu-west-2", "anthropic.claude-3-5-sonnet-20240620-v1:0"), 1);
    assertThat(config.yaml()).isEqualTo("""
        model_list:
        - model_name: meta-llama/Llama-3.1-8B-Instruct
          litellm_params:
            model: openai/meta-llama/Llama-3.1-8B-Instruct
            api_base: https://api.example.com/v1
            api_key: os.environ/SELF_HOSTED_API_KEY
            extra_headers:
              x-meridian-route: self-hosted
        - model_name: meta-llama/Llama-3.1-8B-Instruct-fallback
          litellm_params:
            aws_region_name: eu-west-2
            model: bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0
        router_settings:
          num_retries: 1
          fallbacks:
          - meta-llama/Llama-3.1-8B-Instruct:
            - meta-llama/Llama-3.1-8B-Instruct-fallback
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
        """);
  }

  @Test
  void apiProviderKeyIsAnEnvironmentReference() {
    GatewayConfig config = new GatewayConfig("m", "https://api.example.com/v1",
        FallbackProvider.openAiCompatible("https://api.openai.com/v1", "gpt-4o"), 0);
    assertThat(config.yaml()).contains("api_key: os.environ/FALLBACK_API_KEY", "model: openai/gpt-4o");
  }

  @Test
  void imageIsPinnedByDigestAndNotACompromisedRelease() {
    assertThat(GatewayConfig.IMAGE).matches("ghcr\\.io/berriai/litellm:v[0-9.]+-stable\\.1@sha256:[0-9a-f]{64}")
        .doesNotContain("1.82.7", "1.82.8");
  }

  @Test
  void bedrockModelArnIsInTheFallbackRegion() {
    assertThat(new FallbackProvider.Bedrock("eu-central-1", "anthropic.claude-3-haiku-20240307-v1:0").modelArn())
        .isEqualTo("arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
  }

  @Test
  void bedrockRegionMustBeARegionCode() {
    assertThatThrownBy(() -> FallbackProvider.bedrock("EU", "m"))
        .hasMessage("region: 'EU' is not an AWS region code; use e.g. eu-west-2");
  }
}
