package dev.meridian.blueprints.spec;

import java.util.List;

/**
 * The residency policy: under {@code strict} (default) every flow of user data between
 * jurisdictions must be listed in {@code allowedTransfers} (default: none listed); {@code none}
 * disables the check.
 */
public record Residency(Mode mode, List<Transfer> allowedTransfers) {

  public Residency {
    allowedTransfers = List.copyOf(allowedTransfers);
  }

  /** Whether a user-data flow from one jurisdiction to another is allowed. */
  public boolean allows(String fromJurisdiction, String toJurisdiction) {
    return mode == Mode.NONE
        || fromJurisdiction.equals(toJurisdiction)
        || allowedTransfers.contains(new Transfer(fromJurisdiction, toJurisdiction));
  }

  /** How residency is enforced. */
  public enum Mode { STRICT, NONE }

  /** A directed user-data transfer the spec allows, e.g. UK → EU. */
  public record Transfer(String from, String to) {}
}
