package dev.meridian.cli.render;

import dev.meridian.blueprints.plan.GeoTarget;
import dev.meridian.blueprints.plan.RoutingRule;

/** Short names of routing rules, shared by every plan format. */
public final class RoutingRules {

  private RoutingRules() {}

  /** e.g. {@code PRIMARY}, {@code latency eu-west-2}, {@code country GB}, {@code default}, {@code simple}. */
  public static String describe(RoutingRule rule) {
    return switch (rule.policy()) {
      case FAILOVER -> ((RoutingRule.Failover) rule).role().name();
      case LATENCY -> "latency " + ((RoutingRule.Latency) rule).awsRegion();
      case GEOLOCATION -> geo(((RoutingRule.Geolocation) rule).target());
      case SIMPLE -> "simple";
    };
  }

  /** e.g. {@code country GB}, {@code continent EU}, {@code default}. */
  public static String geo(GeoTarget target) {
    if (target instanceof GeoTarget.Country c) {
      return "country " + c.code();
    }
    if (target instanceof GeoTarget.Continent c) {
      return "continent " + c.code();
    }
    return "default";
  }
}
