package dev.meridian.constructs.config;

import dev.meridian.constructs.aws.DeepLearningAmi;
import dev.meridian.constructs.aws.GpuInstanceType;
import java.util.List;

/**
 * The props both engines' {@code GpuFleet}s share, checked by {@link GpuFleetPropsBuilder#props()}:
 * what the fleet runs and how it scales, not where (VPC or network, artifact bucket, certificate
 * and zone are each engine's own).
 *
 * @param domainName the name the created certificate is for; null when the engine's builder was given a certificate
 */
public record GpuFleetProps(
    GpuInstanceType instanceType,
    int minCapacity,
    int maxCapacity,
    DeepLearningAmi machineImage,
    String image,
    int port,
    String healthPath,
    List<String> extraServerArguments,
    String modelName,
    String artifactPrefix,
    PinnedVersion modelVersion,
    int rootVolumeGiB,
    String domainName,
    int idleTimeoutSeconds,
    int warmUpSeconds,
    int requestsPerInstancePerMinute,
    int logRetentionDays) {

  /** The key prefix the instances may read below: {@code artifactPrefix} without leading slashes, ending in one. */
  public String artifactObjectPrefix() {
    String prefix = artifactPrefix.replaceAll("^/+", "");
    return prefix.endsWith("/") ? prefix : prefix + "/";
  }
}
