package dev.meridian.constructs.config;

/**
 * The props setters both engines' {@code HostedApiFallback.Builder}s share; each engine adds
 * {@code create}, {@code build} and what only it takes (the network, the fleet's listener and
 * target group as objects or ARNs, the fallback API key as a secret or its ARN, in Terraform the
 * region and name). {@code B} is the engine's builder, returned by every setter.
 * Defaults: {@code rulePriority} 100; {@code retries} 1; {@code desiredCount} 2; {@code cpu} 512;
 * {@code memoryMiB} 1024; {@code logRetentionDays} 30.
 */
public abstract class HostedApiFallbackPropsBuilder<B extends HostedApiFallbackPropsBuilder<B>> {

  private String modelName;
  private String selfHostedApiBase;
  private FallbackProvider fallback;
  private int rulePriority = 100;
  private int retries = 1;
  private int desiredCount = 2;
  private int cpu = 512;
  private int memoryMiB = 1024;
  private int logRetentionDays = 30;

  /** This builder, as its engine's type. */
  protected abstract B self();

  /** The model name clients send; the fleet serves it under the same name. Required. */
  public B modelName(String modelName) {
    this.modelName = modelName;
    return self();
  }

  /** The fleet's OpenAI API base as the gateway calls it, e.g. {@code https://api.example.com/v1}. Required. */
  public B selfHostedApiBase(String selfHostedApiBase) {
    this.selfHostedApiBase = selfHostedApiBase;
    return self();
  }

  /** The hosted API to fall back to, e.g. {@code FallbackProvider.bedrock("eu-west-2", "...")}. Required. */
  public B fallback(FallbackProvider fallback) {
    this.fallback = fallback;
    return self();
  }

  /** Priority of the first listener rule (the second takes the next), 1–49998; free on the listener. @default 100 */
  public B rulePriority(int rulePriority) {
    this.rulePriority = rulePriority;
    return self();
  }

  /** Retries on the self-hosted model before falling back. @default 1 */
  public B retries(int retries) {
    this.retries = retries;
    return self();
  }

  /** Gateway tasks running, ≥ 1. @default 2 */
  public B desiredCount(int desiredCount) {
    this.desiredCount = desiredCount;
    return self();
  }

  /** Fargate CPU units per task. @default 512 */
  public B cpu(int cpu) {
    this.cpu = cpu;
    return self();
  }

  /** Fargate memory per task in MiB, valid for the CPU chosen. @default 1024 */
  public B memoryMiB(int memoryMiB) {
    this.memoryMiB = memoryMiB;
    return self();
  }

  /** Days gateway logs are kept; a CloudWatch Logs retention. @default 30 */
  public B logRetentionDays(int days) {
    this.logRetentionDays = days;
    return self();
  }

  /**
   * Checks that a fallback is given and, for a provider that needs one, its API key: {@code keyGiven}
   * says whether the engine's key prop {@code keyField} is set.
   */
  protected void requireFallback(String keyField, boolean keyGiven) {
    if (fallback == null) {
      throw new IllegalArgumentException("fallback: missing; use FallbackProvider.bedrock(region, modelId)");
    }
    GatewayTask.requireFallbackKey(fallback, keyGiven, keyField);
  }

  /** Checks the rule priority, task count, Fargate size and log retention. */
  protected void requireSizes() {
    GatewayTask.requireSizes(rulePriority, desiredCount, cpu, memoryMiB);
    LogRetention.requireSupported("logRetentionDays", logRetentionDays);
  }

  /** The shared props as set; the engine checks them with {@link #requireFallback} and {@link #requireSizes()}. */
  protected HostedApiFallbackProps props() {
    return new HostedApiFallbackProps(modelName, selfHostedApiBase, fallback, rulePriority, retries, desiredCount, cpu,
        memoryMiB, logRetentionDays);
  }
}
