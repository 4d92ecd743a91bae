package dev.meridian.constructs.dns;

import java.util.List;

/**
 * What a {@code DedicatedEndpoint} builds, in either engine, checked: a server's name, its
 * addresses, the check each address gets and how many must pass.
 *
 * @param name             in the checks' {@code Name} tags, e.g. the site's name
 * @param target           the server's addresses
 * @param healthCheck      the request each address is checked with; default {@link HealthCheckSettings#defaults()}
 * @param healthyAddresses how many addresses must be healthy for the server to be, 1 to all; default 1
 */
public record DedicatedEndpointProps(String name, DnsTarget.Addresses target, HealthCheckSettings healthCheck, int healthyAddresses) {

  /** Checks the props: {@code addresses} as given to a builder (IPv4, ≥ 1). */
  public static DedicatedEndpointProps of(String name, List<String> addresses, HealthCheckSettings healthCheck, int healthyAddresses) {
    return new DedicatedEndpointProps(name, new DnsTarget.Addresses(addresses), healthCheck, healthyAddresses);
  }

  public DedicatedEndpointProps {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: missing; e.g. the site's name");
    }
    if (healthCheck == null) {
      throw new IllegalArgumentException("healthCheck: null; leave it unset for the defaults");
    }
    if (healthyAddresses < 1 || healthyAddresses > target.addresses().size()) {
      throw new IllegalArgumentException("healthyAddresses: " + healthyAddresses + " must be between 1 and the "
          + target.addresses().size() + " addresses");
    }
  }
}
