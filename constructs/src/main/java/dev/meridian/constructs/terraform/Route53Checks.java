package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.route53_health_check.Route53HealthCheckConfig;
import dev.meridian.constructs.dns.HealthCheckSettings;

/** The Terraform form of an endpoint health check's settings, shared by {@link DnsFailover} and {@link DedicatedEndpoint}. */
final class Route53Checks {

  private Route53Checks() {}

  /** An endpoint check's config without its target (an FQDN or an IP address) and tags. */
  static Route53HealthCheckConfig.Builder endpoint(HealthCheckSettings settings) {
    return Route53HealthCheckConfig.builder()
        .type(settings.route53Type())
        .port(settings.port())
        .resourcePath(settings.path())
        .requestInterval(settings.intervalSeconds())
        .failureThreshold(settings.failureThreshold())
        .searchString(settings.searchString().orElse(null))
        .enableSni(settings.sni() ? true : null);
  }
}
