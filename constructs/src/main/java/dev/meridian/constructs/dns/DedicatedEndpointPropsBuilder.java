package dev.meridian.constructs.dns;

import java.util.List;

/**
 * The props setters both engines' {@code DedicatedEndpoint.Builder}s share; each engine adds
 * {@code create} and {@code build}. {@code B} is the engine's builder, returned by every setter.
 */
public abstract class DedicatedEndpointPropsBuilder<B extends DedicatedEndpointPropsBuilder<B>> {

  private String name;
  private List<String> addresses;
  private HealthCheckSettings healthCheck = HealthCheckSettings.defaults();
  private int healthyAddresses = 1;

  /** This builder, as its engine's type. */
  protected abstract B self();

  /** The server's name, in the checks' {@code Name} tags (e.g. the site's name). */
  public B name(String name) {
    this.name = name;
    return self();
  }

  /** The server's IPv4 addresses. */
  public B addresses(List<String> addresses) {
    this.addresses = addresses;
    return self();
  }

  /** The request each address is checked with; default {@link HealthCheckSettings#defaults()}. */
  public B healthCheck(HealthCheckSettings healthCheck) {
    this.healthCheck = healthCheck;
    return self();
  }

  /** How many addresses must be healthy for the server to be; default 1. */
  public B healthyAddresses(int healthyAddresses) {
    this.healthyAddresses = healthyAddresses;
    return self();
  }

  /** The props set so far, checked. */
  public DedicatedEndpointProps props() {
    return DedicatedEndpointProps.of(name, addresses, healthCheck, healthyAddresses);
  }
}
