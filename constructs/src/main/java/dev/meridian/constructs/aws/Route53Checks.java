package dev.meridian.constructs.aws;

import dev.meridian.constructs.dns.HealthCheckSettings;
import software.amazon.awscdk.services.route53.CfnHealthCheck;

/** The CloudFormation form of an endpoint health check's settings, shared by {@link DnsFailover} and {@link DedicatedEndpoint}. */
final class Route53Checks {

  private Route53Checks() {}

  /** An endpoint check's config without its target (an FQDN or an IP address). */
  static CfnHealthCheck.HealthCheckConfigProperty.Builder endpoint(HealthCheckSettings settings) {
    return CfnHealthCheck.HealthCheckConfigProperty.builder()
        .type(settings.route53Type())
        .port(settings.port())
        .resourcePath(settings.path())
        .requestInterval(settings.intervalSeconds())
        .failureThreshold(settings.failureThreshold())
        .searchString(settings.searchString().orElse(null))
        .enableSni(settings.sni() ? true : null);
  }

  /** The {@code Name} tag the Route 53 console lists checks by. */
  static CfnHealthCheck.HealthCheckTagProperty nameTag(String value) {
    return CfnHealthCheck.HealthCheckTagProperty.builder().key("Name").value(value).build();
  }
}
