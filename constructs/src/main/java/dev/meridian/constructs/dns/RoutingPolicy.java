package dev.meridian.constructs.dns;

import java.util.Set;
import java.util.regex.Pattern;

/** How Route 53 picks one record among those of a name. One variant per routing policy. */
public sealed interface RoutingPolicy {

  /** A plain record, the only one of its name. */
  static RoutingPolicy simple() {
    return new Simple();
  }

  /** The failover record answering while healthy. */
  static RoutingPolicy primary() {
    return new Failover(Failover.Role.PRIMARY);
  }

  /** The failover record answering when the primary is unhealthy. */
  static RoutingPolicy secondary() {
    return new Failover(Failover.Role.SECONDARY);
  }

  /** A latency record for users nearest (in latency) to an AWS region. */
  static RoutingPolicy latency(String awsRegion) {
    return new Latency(awsRegion);
  }

  /** A geolocation record for users in a country (ISO-3166 alpha-2, e.g. {@code GB}). */
  static RoutingPolicy country(String code) {
    return new Country(code);
  }

  /** A geolocation record for users on a continent ({@code AF AN AS EU NA OC SA}). */
  static RoutingPolicy continent(String code) {
    return new Continent(code);
  }

  /** The default geolocation record: users no other geolocation record of the name matches. */
  static RoutingPolicy anyLocation() {
    return new AnyLocation();
  }

  /** Simple routing. */
  record Simple() implements RoutingPolicy {}

  /** Failover routing with a role. */
  record Failover(Role role) implements RoutingPolicy {
    public Failover {
      if (role == null) {
        throw new IllegalArgumentException("failover.role: missing; PRIMARY or SECONDARY");
      }
    }

    /** Route 53's failover roles. */
    public enum Role { PRIMARY, SECONDARY }
  }

  /** Latency routing for an AWS region. */
  record Latency(String awsRegion) implements RoutingPolicy {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    public Latency {
      if (awsRegion == null || !REGION.matcher(awsRegion).matches()) {
        throw new IllegalArgumentException("latency.region: '" + awsRegion + "' is not an AWS region such as eu-west-2");
      }
    }
  }

  /** Geolocation routing for a country. */
  record Country(String code) implements RoutingPolicy {
    public Country {
      if (code == null || !code.matches("[A-Z]{2}")) {
        throw new IllegalArgumentException("country: '" + code + "' is not an ISO-3166 alpha-2 code such as GB");
      }
    }
  }

  /** Geolocation routing for a continent. */
  record Continent(String code) implements RoutingPolicy {
    private static final Set<String> CODES = Set.of("AF", "AN", "AS", "EU", "NA", "OC", "SA");

    public Continent {
      if (!CODES.contains(code)) {
        throw new IllegalArgumentException("continent: '" + code + "' is not one of AF, AN, AS, EU, NA, OC, SA");
      }
    }
  }

  /** The default geolocation record (Route 53's country {@code *}). */
  record AnyLocation() implements RoutingPolicy {}
}
