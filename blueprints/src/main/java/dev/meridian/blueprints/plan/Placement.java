package dev.meridian.blueprints.plan;

import java.util.List;

/** Where a site runs: an AWS region, or a dedicated server Meridian does not provision. */
public sealed interface Placement {

  /** An AWS commercial region, e.g. {@code eu-west-2}. */
  record Aws(String region) implements Placement {}

  /**
   * A dedicated server reached at fixed public addresses.
   *
   * @param endpoints      IPv4 addresses health-checked and routed to
   * @param gpuDescription free text from the spec, e.g. {@code 4x RTX 4090}
   */
  record Dedicated(List<String> endpoints, String gpuDescription) implements Placement {
    public Dedicated {
      endpoints = List.copyOf(endpoints);
    }
  }
}
