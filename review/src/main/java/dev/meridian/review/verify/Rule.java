package dev.meridian.review.verify;

import dev.meridian.review.inventory.Inventory;
import java.util.List;

/**
 * One check verify runs on a synth output. The set is closed: each rule is its own class, and
 * {@link Verifier#RULES} lists them all.
 */
public sealed interface Rule
    permits PlacementRule, DataTagRule, ReplicationRule, LogShippingRule, CrossRegionReferenceRule,
        DnsRoutingRule, RetentionRule, ClearSecretRule {

  /** The short id findings carry, e.g. {@code replication}. */
  String id();

  /** What the rule proves, in one sentence. */
  String description();

  /** The breaches in this output; empty when it obeys the rule. */
  List<Finding> check(Inventory inventory);

  /** Whether the rule is about user data crossing a jurisdiction (diff reports these as residency). */
  default boolean residency() {
    return false;
  }
}
