package dev.meridian.blueprints.spec;

import java.util.Arrays;
import java.util.Optional;

/** The five deployment patterns a spec can name in {@code pattern}. */
public enum PatternKind {
  ACTIVE_ACTIVE("active-active"),
  ACTIVE_PASSIVE("active-passive"),
  REGIONAL_SHARDING("regional-sharding"),
  HUB_AND_SPOKE("hub-and-spoke"),
  SINGLE_REGION("single-region");

  private final String specName;

  PatternKind(String specName) {
    this.specName = specName;
  }

  /** The name used in specs, e.g. {@code active-passive}. */
  public String specName() {
    return specName;
  }

  /** The pattern a spec names, if any. */
  public static Optional<PatternKind> fromSpecName(String name) {
    return Arrays.stream(values()).filter(p -> p.specName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return specName;
  }
}
