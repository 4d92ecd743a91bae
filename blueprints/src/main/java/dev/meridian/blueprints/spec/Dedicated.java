package dev.meridian.blueprints.spec;

import java.util.List;

/**
 * A dedicated (bring-your-own) GPU server: not provisioned, but it takes part in DNS, health
 * checks, log shipping configuration and drills.
 *
 * @param jurisdiction where the server is, stated by the spec (e.g. {@code UK})
 * @param endpoints    its public IPv4 addresses (at least one)
 * @param gpu          free-text description of its GPUs, e.g. {@code 4x RTX 4090}; default empty
 */
public record Dedicated(String jurisdiction, List<String> endpoints, String gpu) {

  public Dedicated {
    endpoints = List.copyOf(endpoints);
  }
}
