package dev.meridian.constructs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.TreeMap;

/**
 * The LiteLLM proxy configuration of a gateway that sends every request to the self-hosted
 * model first and to a hosted API when that fails: a {@code model_list} with the self-hosted
 * deployment (OpenAI-compatible, at {@code selfHostedApiBase}, carrying the routing header that
 * steers the gateway's own calls past itself to the fleet) and the fallback deployment, and
 * {@code router_settings.fallbacks} from the first to the second. Keys are references to
 * environment variables ({@code os.environ/...}), never values, so the file holds no secret.
 *
 * @param modelName         the model name clients send, e.g. {@code meta-llama/Llama-3.1-8B-Instruct}
 * @param selfHostedApiBase the self-hosted server's OpenAI API base, e.g. {@code https://api.example.com/v1}
 * @param fallback          the hosted API used when the self-hosted model fails
 * @param retries           retries on the self-hosted model before falling back, ≥ 0
 */
public record GatewayConfig(String modelName, String selfHostedApiBase, FallbackProvider fallback, int retries) {

  /**
   * The LiteLLM image: release v1.80.11-stable.1, pinned by its linux/amd64 digest as listed on
   * ghcr.io/berriai/litellm (never 1.82.7 or 1.82.8, which were compromised).
   */
  public static final String IMAGE =
      "ghcr.io/berriai/litellm:v1.80.11-stable.1@sha256:753ff09ed2df3f47fe157faa54171e121d0b1adfeb8c06e5c112179aec4db55a";
  /** The port the proxy listens on. */
  public static final int PORT = 4000;
  /** Path the proxy answers without authentication when it is up. */
  public static final String HEALTH_PATH = "/health/liveliness";
  /** Environment variable carrying the proxy's master key (clients' bearer token). */
  public static final String MASTER_KEY_VARIABLE = "LITELLM_MASTER_KEY";
  /** Environment variable with the key the self-hosted server expects (vLLM without {@code --api-key} accepts any). */
  public static final String SELF_HOSTED_KEY_VARIABLE = "SELF_HOSTED_API_KEY";
  /** Header the gateway adds to its calls to the self-hosted model; the load balancer sends such calls to the fleet. */
  public static final String ROUTE_HEADER = "x-meridian-route";
  /** The value of {@link #ROUTE_HEADER} on the gateway's calls to the self-hosted model. */
  public static final String ROUTE_SELF_HOSTED = "self-hosted";

  public GatewayConfig {
    if (modelName == null || modelName.isBlank()) {
      throw new IllegalArgumentException("modelName: missing; name the model clients send");
    }
    if (selfHostedApiBase == null || !selfHostedApiBase.matches("https?://[^\\s]+")) {
      throw new IllegalArgumentException("selfHostedApiBase: '" + selfHostedApiBase
          + "' must be an http(s) URL, e.g. https://api.example.com/v1");
    }
    if (fallback == null) {
      throw new IllegalArgumentException("fallback: missing; use FallbackProvider.bedrock(region, modelId)");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries: " + retries + " must be ≥ 0");
    }
  }

  /** The name of the fallback deployment in {@code model_list}: the model name with {@code -fallback}. */
  public String fallbackModelName() {
    return modelName + "-fallback";
  }

  /** The configuration as YAML, keys in a fixed order. */
  public String yaml() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    ArrayNode models = root.putArray("model_list");
    ObjectNode selfHosted = models.addObject();
    selfHosted.put("model_name", modelName);
    ObjectNode selfHostedParams = selfHosted.putObject("litellm_params");
    selfHostedParams.put("model", "openai/" + modelName);
    selfHostedParams.put("api_base", selfHostedApiBase);
    selfHostedParams.put("api_key", "os.environ/" + SELF_HOSTED_KEY_VARIABLE);
    selfHostedParams.putObject("extra_headers").put(ROUTE_HEADER, ROUTE_SELF_HOSTED);
    ObjectNode hosted = models.addObject();
    hosted.put("model_name", fallbackModelName());
    ObjectNode hostedParams = hosted.putObject("litellm_params");
    new TreeMap<>(fallback.litellmParams()).forEach(hostedParams::put);
    ObjectNode router = root.putObject("router_settings");
    router.put("num_retries", retries);
    router.putArray("fallbacks").addObject().putArray(modelName).add(fallbackModelName());
    root.putObject("general_settings").put("master_key", "os.environ/" + MASTER_KEY_VARIABLE);
    try {
      return new YAMLMapper(YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build()).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
