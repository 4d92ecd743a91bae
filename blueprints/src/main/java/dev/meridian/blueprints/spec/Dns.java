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
 */
public record Dns(String zone, String record, int ttl, Optional<String> defaultRegion, HealthCheck healthCheck) {

  /** Default TTL in seconds. */
  public static final int DEFAULT_TTL = 60;
}
