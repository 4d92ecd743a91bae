package dev.meridian.review.inventory;

import java.util.List;

/**
 * A deployment's recorded residency policy, as written into its stacks: with {@code strict}
 * every user-data flow between jurisdictions must be listed in {@code allowedTransfers};
 * {@code none} allows every flow.
 *
 * @param strict           whether the mode is {@code strict}
 * @param allowedTransfers the transfers the spec lists; empty when none
 */
public record Residency(boolean strict, List<Transfer> allowedTransfers) {

  public Residency {
    allowedTransfers = List.copyOf(allowedTransfers);
  }

  /** Whether user data may flow from one jurisdiction to another. */
  public boolean allows(String from, String to) {
    return !strict || from.equals(to) || allowedTransfers.contains(new Transfer(from, to));
  }
}
