package dev.meridian.constructs.config;

import java.util.List;

/**
 * What a failover drill (the CDK or the Terraform {@code FailoverDrill}) takes out of service: a
 * GPU site (its fleet's instances are stopped and its Auto Scaling group cannot launch
 * replacements for the duration), or a server the deployment does not run (its Route 53 health
 * check is inverted for the duration, so DNS fails over without touching the server).
 */
public sealed interface DrillTarget {

  /**
   * A GPU site: the fleet's group (by name; e.g. {@code fleet.getAutoScalingGroup().getAutoScalingGroupName()}
   * in CDK, {@code fleet.getAutoScalingGroup().getName()} in Terraform), the deployment and site its
   * resources are tagged with, and the availability zones its instances run in.
   */
  static DrillTarget gpuSite(String deployment, String site, String autoScalingGroupName, List<String> availabilityZones) {
    return new GpuSite(deployment, site, autoScalingGroupName, availabilityZones);
  }

  /** A server behind a Route 53 health check, e.g. a dedicated server: the check's id. */
  static DrillTarget invertedHealthCheck(String healthCheckId) {
    return new InvertedHealthCheck(healthCheckId);
  }

  /**
   * A GPU site stopped for the duration.
   *
   * @param deployment           value of the site's {@code meridian:deployment} tag
   * @param site                 value of the site's {@code meridian:site} tag
   * @param autoScalingGroupName the fleet's group, whose instances are stopped
   * @param availabilityZones    the zones where the group may not launch replacements, ≥ 1 (names, or one
   *                             string reference a zone, e.g. a Terraform subnet's availability zone)
   */
  record GpuSite(String deployment, String site, String autoScalingGroupName, List<String> availabilityZones)
      implements DrillTarget {
    public GpuSite {
      DnsNames.requireTargetName("deployment", deployment);
      DnsNames.requireTargetName("site", site);
      if (autoScalingGroupName == null || autoScalingGroupName.isBlank()) {
        throw new IllegalArgumentException("autoScalingGroupName: missing; pass the fleet's group name");
      }
      if (availabilityZones == null || availabilityZones.isEmpty()) {
        throw new IllegalArgumentException("availabilityZones: empty; pass the zones the fleet runs in, e.g. vpc.getAvailabilityZones()");
      }
      availabilityZones = List.copyOf(availabilityZones);
    }
  }

  /**
   * A server whose health check is inverted for the duration.
   *
   * @param healthCheckId the Route 53 health check's id
   */
  record InvertedHealthCheck(String healthCheckId) implements DrillTarget {
    public InvertedHealthCheck {
      if (healthCheckId == null || healthCheckId.isBlank()) {
        throw new IllegalArgumentException("healthCheckId: missing; pass the Route 53 health check's id");
      }
    }
  }
}
