package dev.meridian.constructs.config;

import dev.meridian.constructs.aws.DeepLearningAmi;
import dev.meridian.constructs.aws.GpuInstanceType;
import java.util.List;

/**
 * The props setters, defaults and checks both engines' {@code GpuFleet.Builder}s share; each
 * engine adds {@code create}, {@code build} and where the fleet goes (VPC or network, artifact
 * bucket, certificate and its zone). {@code B} is the engine's builder, returned by every setter.
 */
public abstract class GpuFleetPropsBuilder<B extends GpuFleetPropsBuilder<B>> {

  private GpuInstanceType instanceType = GpuInstanceType.G6_XLARGE;
  private int minCapacity = 1;
  private int maxCapacity = 4;
  private DeepLearningAmi machineImage = DeepLearningAmi.UBUNTU_22_04;
  private String image = "vllm/vllm-openai:v0.6.3";
  private int port = 8000;
  private String healthPath = "/health";
  private List<String> extraServerArguments = List.of();
  private String modelName;
  private String artifactPrefix;
  private PinnedVersion modelVersion;
  private int rootVolumeGiB = 200;
  private String domainName;
  private int idleTimeoutSeconds = 600;
  private int warmUpSeconds = 900;
  private int requestsPerInstancePerMinute = 60;
  private int logRetentionDays = 30;

  /** This builder, as its engine's type. */
  protected abstract B self();

  /** The GPU instance type. @default g6.xlarge */
  public B instanceType(GpuInstanceType instanceType) {
    this.instanceType = instanceType;
    return self();
  }

  /** Fewest instances; 0 is a pilot light. @default 1 */
  public B minCapacity(int minCapacity) {
    this.minCapacity = minCapacity;
    return self();
  }

  /** Most instances, ≥ 1 and ≥ minCapacity. @default 4 */
  public B maxCapacity(int maxCapacity) {
    this.maxCapacity = maxCapacity;
    return self();
  }

  /** The Deep Learning AMI flavour. @default Ubuntu 22.04 */
  public B machineImage(DeepLearningAmi machineImage) {
    this.machineImage = machineImage;
    return self();
  }

  /** Serving container image with vLLM's OpenAI server as entry point; pin a tag or digest. @default vllm/vllm-openai:v0.6.3 */
  public B image(String image) {
    this.image = image;
    return self();
  }

  /** The port the server listens on. @default 8000 */
  public B port(int port) {
    this.port = port;
    return self();
  }

  /** The path the load balancer checks, starting with '/'; 200 means healthy. @default /health */
  public B healthPath(String healthPath) {
    this.healthPath = healthPath;
    return self();
  }

  /** Further server arguments, e.g. {@code --max-model-len 8192}. @default none */
  public B extraServerArguments(List<String> arguments) {
    this.extraServerArguments = List.copyOf(arguments);
    return self();
  }

  /** The model name clients send, e.g. {@code meta-llama/Llama-3.1-8B-Instruct}. Required. */
  public B modelName(String modelName) {
    this.modelName = modelName;
    return self();
  }

  /** Key prefix of the model's artifacts, one folder per version below it, e.g. {@code models/llama-3.1-8b/}. Required. */
  public B artifactPrefix(String artifactPrefix) {
    this.artifactPrefix = artifactPrefix;
    return self();
  }

  /** The model version served: fixed, or read from an SSM parameter at boot (the role may read it). Required. */
  public B modelVersion(PinnedVersion modelVersion) {
    this.modelVersion = modelVersion;
    return self();
  }

  /** Size of the encrypted gp3 root volume in GiB (model weights and images live there), 30–16384. @default 200 */
  public B rootVolumeGiB(int rootVolumeGiB) {
    this.rootVolumeGiB = rootVolumeGiB;
    return self();
  }

  /** The name users call, for the certificate created when none is given. @default none */
  public B domainName(String domainName) {
    this.domainName = domainName;
    return self();
  }

  /** Seconds a connection may stay idle (a streamed completion's longest pause), 1–4000. @default 600 */
  public B idleTimeoutSeconds(int idleTimeoutSeconds) {
    this.idleTimeoutSeconds = idleTimeoutSeconds;
    return self();
  }

  /** Seconds an instance gets to boot, pull and load the model before health checks count, 0–7200. @default 900 */
  public B warmUpSeconds(int warmUpSeconds) {
    this.warmUpSeconds = warmUpSeconds;
    return self();
  }

  /** Requests per instance per minute that target tracking keeps to, ≥ 1. @default 60 */
  public B requestsPerInstancePerMinute(int requests) {
    this.requestsPerInstancePerMinute = requests;
    return self();
  }

  /** Days serving logs and load balancer access logs are kept; a CloudWatch Logs retention. @default 30 */
  public B logRetentionDays(int days) {
    this.logRetentionDays = days;
    return self();
  }

  /**
   * The props set so far, checked; {@code modelName}, {@code artifactPrefix} and
   * {@code modelVersion} are left to {@link GpuHostUserData}, which both engines build.
   */
  public GpuFleetProps props() {
    require(instanceType != null, "instanceType: missing; use e.g. GpuInstanceType.G6_XLARGE");
    require(machineImage != null, "machineImage: missing; use e.g. DeepLearningAmi.UBUNTU_22_04");
    require(minCapacity >= 0, "minCapacity: " + minCapacity + " must be ≥ 0");
    require(maxCapacity >= 1 && maxCapacity >= minCapacity,
        "maxCapacity (" + maxCapacity + ") must be ≥ 1 and ≥ minCapacity (" + minCapacity + ")");
    require(healthPath != null && healthPath.startsWith("/"), "healthPath: '" + healthPath + "' must start with '/'");
    require(rootVolumeGiB >= 30 && rootVolumeGiB <= 16384,
        "rootVolumeGiB: " + rootVolumeGiB + " must be between 30 and 16384");
    require(idleTimeoutSeconds >= 1 && idleTimeoutSeconds <= 4000,
        "idleTimeoutSeconds: " + idleTimeoutSeconds + " must be between 1 and 4000");
    require(warmUpSeconds >= 0 && warmUpSeconds <= 7200, "warmUpSeconds: " + warmUpSeconds + " must be between 0 and 7200");
    require(requestsPerInstancePerMinute >= 1,
        "requestsPerInstancePerMinute: " + requestsPerInstancePerMinute + " must be ≥ 1");
    LogRetention.requireSupported("logRetentionDays", logRetentionDays);
    return new GpuFleetProps(instanceType, minCapacity, maxCapacity, machineImage, image, port, healthPath,
        extraServerArguments, modelName, artifactPrefix, modelVersion, rootVolumeGiB, domainName, idleTimeoutSeconds,
        warmUpSeconds, requestsPerInstancePerMinute, logRetentionDays);
  }

  /** Throws {@code message} unless {@code condition} holds; for the engines' own checks too. */
  protected static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
