package dev.meridian.blueprints.plan;

import java.util.Optional;

/**
 * Where one group of users is answered in a what-if: the site that serves them while every site
 * is healthy, and who serves them with the failed sites down.
 *
 * @param users        who they are: {@code everyone} (failover, simple), {@code nearest uk}
 *                     (latency), {@code GB}, {@code continent EU} or {@code default} (geolocation)
 * @param servedBy     the site answering them normally
 * @param nowServedBy  the site (or hosted API, e.g. {@code bedrock:eu-west-2}) answering them now;
 *                     empty when nobody does
 */
public record UserGroupOutcome(String users, String servedBy, Optional<String> nowServedBy) {

  /** Whether nobody serves them any more. */
  public boolean unserved() {
    return nowServedBy.isEmpty();
  }

  /** Whether they are no longer served where they normally are (moved or unserved). */
  public boolean affected() {
    return !nowServedBy.equals(Optional.of(servedBy));
  }
}
