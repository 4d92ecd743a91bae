package dev.meridian.blueprints.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * The role of a region in its pattern: {@code active} (active-active, regional-sharding),
 * {@code primary} / {@code standby} (active-passive; single-region uses {@code primary}),
 * {@code hub} / {@code spoke} (hub-and-spoke).
 */
public enum Role {
  ACTIVE("active"),
  PRIMARY("primary"),
  STANDBY("standby"),
  HUB("hub"),
  SPOKE("spoke");

  private final String specName;

  Role(String specName) {
    this.specName = specName;
  }

  /** The name used in specs. */
  public String specName() {
    return specName;
  }

  /** The role a spec names, if any. */
  public static Optional<Role> fromSpecName(String name) {
    return Arrays.stream(values()).filter(r -> r.specName.equals(name)).findFirst();
  }

  /** Whether a region in this role serves users' traffic in normal operation. */
  public boolean servesTraffic() {
    return this != STANDBY && this != HUB;
  }

  @Override
  public String toString() {
    return specName;
  }
}
