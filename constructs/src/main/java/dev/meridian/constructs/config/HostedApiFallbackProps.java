package dev.meridian.constructs.config;

/**
 * The props both engines' {@code HostedApiFallback}s share, as set on a
 * {@link HostedApiFallbackPropsBuilder} (checked by its {@code requireFallback(...)} and
 * {@code requireSizes()}).
 *
 * @param modelName         the model name clients send; the fleet serves it under the same name
 * @param selfHostedApiBase the fleet's OpenAI API base as the gateway calls it
 * @param fallback          the hosted API to fall back to
 * @param rulePriority      priority of the first listener rule (the second takes the next); default 100
 * @param retries           retries on the self-hosted model before falling back; default 1
 * @param desiredCount      gateway tasks running; default 2
 * @param cpu               Fargate CPU units per task; default 512
 * @param memoryMiB         Fargate memory per task in MiB; default 1024
 * @param logRetentionDays  days gateway logs are kept; default 30
 */
public record HostedApiFallbackProps(String modelName, String selfHostedApiBase, FallbackProvider fallback,
    int rulePriority, int retries, int desiredCount, int cpu, int memoryMiB, int logRetentionDays) {

  /** The gateway's LiteLLM configuration from these props. */
  public GatewayConfig gatewayConfig() {
    return new GatewayConfig(modelName, selfHostedApiBase, fallback, retries);
  }
}
