package dev.meridian.blueprints.spec;

import java.util.Optional;

/**
 * The DNS block: the hosted zone, the name users call, its TTL and the health check applied to
 * every site.
 *
 * @param zone          hosted zone name, e.g. {@code example.com}
 * @param record        the name users call; lies inside {@code zone}
 * @param ttl           record TTL in seconds; default 60
 * @param defaultRegion regional-sharding only: the region answering users whose country no
 *                      {@code serves} lists; empty means those users get no answer
 * @param healthCheck   the per-site health check; defaults in {@link HealthCheck}
 * @param hostedZoneId  the Route 53 hosted zone id of {@code zone}, e.g. {@code Z0123456789ABC};
 *                      default absent. With it, records go into the zone by id and ACM
 *                      certificates are DNS-validated automatically in it; without it, records go
 *                      in by zone name and each site's certificate waits for its validation CNAME
 *                      to be created by hand
 */
public record Dns(String zone, String record, int ttl, Optional<String> defaultRegion, HealthCheck healthCheck,
    Optional<String> hostedZoneId) {

  /** Default TTL in seconds. */
  public static final int DEFAULT_TTL = 60;

  /** A DNS block without a hosted zone id. */
  public Dns(String zone, String record, int ttl, Optional<String> defaultRegion, HealthCheck healthCheck) {
    this(zone, record, ttl, defaultRegion, healthCheck, Optional.empty());
  }
}
