package dev.meridian.constructs.config;

import java.util.Map;

/**
 * The hosted LLM API a gateway falls back to when the self-hosted model fails: Amazon Bedrock
 * in a given region (credentials from the gateway's IAM role), or any OpenAI-compatible API
 * (its key from Secrets Manager, passed to the gateway as {@value #API_KEY_VARIABLE}).
 * Whether the provider's region may receive the deployment's prompts is decided by whoever
 * picks it (the blueprints' residency check), not here.
 */
public sealed interface FallbackProvider {

  /** Environment variable carrying an API provider's key in the gateway. */
  String API_KEY_VARIABLE = "FALLBACK_API_KEY";

  /** Bedrock in {@code region}, e.g. {@code bedrock("eu-west-2", "anthropic.claude-3-5-sonnet-20240620-v1:0")}. */
  static FallbackProvider bedrock(String region, String modelId) {
    return new Bedrock(region, modelId);
  }

  /** An OpenAI-compatible API at {@code apiBase} (https), serving {@code model}. */
  static FallbackProvider openAiCompatible(String apiBase, String model) {
    return new OpenAiCompatible(apiBase, model);
  }

  /** The {@code litellm_params} of the fallback deployment, keys in a fixed order. */
  Map<String, String> litellmParams();

  /** Bedrock: the model id in one region; the gateway's role may invoke only that model there. */
  record Bedrock(String region, String modelId) implements FallbackProvider {
    public Bedrock {
      RegionCode.require("region", region);
      if (modelId == null || modelId.isBlank() || modelId.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("modelId: '" + modelId
            + "' is not a Bedrock model id; use e.g. anthropic.claude-3-5-sonnet-20240620-v1:0");
      }
    }

    /** The foundation model's ARN, for the invoke permission. */
    public String modelArn() {
      return "arn:aws:bedrock:" + region + "::foundation-model/" + modelId;
    }

    @Override
    public Map<String, String> litellmParams() {
      return Map.of("model", "bedrock/" + modelId, "aws_region_name", region);
    }
  }

  /** An OpenAI-compatible API; its key is read from the environment, never written into the config. */
  record OpenAiCompatible(String apiBase, String model) implements FallbackProvider {
    public OpenAiCompatible {
      if (apiBase == null || !apiBase.matches("https://[^\\s]+")) {
        throw new IllegalArgumentException("apiBase: '" + apiBase + "' must be an https URL, e.g. https://api.openai.com/v1");
      }
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("model: missing; name the provider's model, e.g. gpt-4o");
      }
    }

    @Override
    public Map<String, String> litellmParams() {
      return Map.of("model", "openai/" + model, "api_base", apiBase, "api_key", "os.environ/" + API_KEY_VARIABLE);
    }
  }
}
