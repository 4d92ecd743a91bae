package dev.meridian.review.diff;

import java.util.Locale;

/** A class of change {@code meridian diff --fail-on} can block a pull request on. */
public enum FailClass {
  /** A resource removed, or a stateful resource replaced. */
  DESTROY,
  /** A resource replaced. */
  REPLACEMENT,
  /** A residency change: jurisdiction gained or lost, transfer added or removed, new border crossing. */
  RESIDENCY,
  /** A change to DNS routing or failover. */
  DNS,
  /** Security-group ingress or IAM permissions widened. */
  ACCESS;

  /** The class of its lower-case name, e.g. {@code destroy}. */
  public static FailClass of(String name) {
    for (FailClass c : values()) {
      if (c.name().equalsIgnoreCase(name.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException("--fail-on: unknown class " + name
        + " (expected destroy, replacement, residency, dns or access)");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
