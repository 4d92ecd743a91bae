package dev.meridian.constructs.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the hosted-API gateway ({@link GatewayConfig}) runs as an ECS Fargate task, the same on
 * both engines: the container's name, entry point and command (it writes the configuration it
 * receives as a variable to a file, exports the master key with its {@code sk-} prefix and starts
 * LiteLLM), its plain and secret variables, the Bedrock actions its role gets, the path the
 * listener rule sends to it, its service's deployment settings, and the checks on its sizes.
 */
public final class GatewayTask {

  /** The container's name. */
  public static final String CONTAINER = "gateway";
  /** Secret variable carrying the configuration YAML (from the SSM parameter). */
  public static final String CONFIG_VARIABLE = "GATEWAY_CONFIG";
  /** Secret variable carrying the generated master key, without the {@code sk-} prefix. */
  public static final String MASTER_KEY_SECRET_VARIABLE = "GATEWAY_MASTER_KEY";
  /** The container's entry point: a shell running {@link #COMMAND}. */
  public static final List<String> ENTRY_POINT = List.of("/bin/sh", "-c");
  /** The container's command. */
  public static final List<String> COMMAND = List.of("printf '%s' \"$" + CONFIG_VARIABLE + "\" >/tmp/config.yaml"
      + " && export " + GatewayConfig.MASTER_KEY_VARIABLE + "=\"sk-$" + MASTER_KEY_SECRET_VARIABLE + "\""
      + " && exec litellm --config /tmp/config.yaml --port " + GatewayConfig.PORT);
  /** The container's only plain variable: vLLM without {@code --api-key} ignores the key. */
  public static final Map<String, String> ENVIRONMENT = Map.of(GatewayConfig.SELF_HOSTED_KEY_VARIABLE, "not-required");
  /** The log stream prefix of the container's logs. */
  public static final String LOG_STREAM_PREFIX = "gateway";
  /** What the task role may do on the Bedrock fallback model. */
  public static final List<String> BEDROCK_ACTIONS = List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream");
  /** The path pattern the listener sends to the gateway. */
  public static final String CLIENT_PATH_PATTERN = "/v1/*";
  /** Seconds the service ignores failing load balancer health checks of a new task. */
  public static final int HEALTH_CHECK_GRACE_SECONDS = 120;
  /** Share of the desired tasks kept running during a deployment. */
  public static final int MIN_HEALTHY_PERCENT = 100;
  /** The Fargate CPU sizes a task may have. */
  public static final List<Integer> FARGATE_CPU = List.of(256, 512, 1024, 2048, 4096);

  private GatewayTask() {}

  /**
   * The container's secret variables, by name in a fixed order: the configuration, the master
   * key and, for an OpenAI-compatible fallback, its API key ({@code fallbackApiKey} is ignored
   * for Bedrock).
   */
  public static <T> Map<String, T> secrets(FallbackProvider fallback, T config, T masterKey, T fallbackApiKey) {
    Map<String, T> secrets = new TreeMap<>();
    secrets.put(CONFIG_VARIABLE, config);
    secrets.put(MASTER_KEY_SECRET_VARIABLE, masterKey);
    if (fallback instanceof FallbackProvider.OpenAiCompatible) {
      secrets.put(FallbackProvider.API_KEY_VARIABLE, fallbackApiKey);
    }
    return secrets;
  }

  /**
   * Checks that an OpenAI-compatible fallback has its key and Bedrock none; {@code keyProp} is the
   * twin's name of the key prop.
   */
  public static void requireFallbackKey(FallbackProvider fallback, boolean keyGiven, String keyProp) {
    boolean apiProvider = fallback instanceof FallbackProvider.OpenAiCompatible;
    if (apiProvider && !keyGiven) {
      throw new IllegalArgumentException(keyProp + ": missing; an OpenAI-compatible fallback needs the secret holding its API key");
    }
    if (!apiProvider && keyGiven) {
      throw new IllegalArgumentException(keyProp + ": given for Bedrock, which uses the task role; leave it out");
    }
  }

  /** Checks the listener rule priority (it and the next are used), task count and Fargate size. */
  public static void requireSizes(int rulePriority, int desiredCount, int cpu, int memoryMiB) {
    if (rulePriority < 1 || rulePriority > 49998) {
      throw new IllegalArgumentException("rulePriority: " + rulePriority + " must be between 1 and 49998");
    }
    if (desiredCount < 1) {
      throw new IllegalArgumentException("desiredCount: " + desiredCount + " must be ≥ 1");
    }
    if (!FARGATE_CPU.contains(cpu)) {
      throw new IllegalArgumentException("cpu: " + cpu + " is not a Fargate CPU size; use 256, 512, 1024, 2048 or 4096");
    }
    if (memoryMiB < 512) {
      throw new IllegalArgumentException("memoryMiB: " + memoryMiB + " must be ≥ 512");
    }
  }
}
