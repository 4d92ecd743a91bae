package dev.meridian.review.verify;

import dev.meridian.review.ReviewInputException;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.OutputReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code meridian verify}: runs every rule over a synth output and collects the findings, sorted by
 * resource path, rule and message.
 */
public final class Verifier {

  /** Every rule verify runs, in the order the docs describe them. */
  public static final List<Rule> RULES = List.of(
      new PlacementRule(), new DataTagRule(), new ReplicationRule(), new LogShippingRule(),
      new CrossRegionReferenceRule(), new DnsRoutingRule(), new RetentionRule(), new ClearSecretRule());

  private Verifier() {}

  /** Reads the synth output directory and verifies it. */
  public static VerifyReport verify(Path dir) throws ReviewInputException {
    return verify(OutputReader.read(dir));
  }

  /** Verifies an inventory with every rule. */
  public static VerifyReport verify(Inventory inventory) {
    return verify(inventory, RULES);
  }

  /** Verifies an inventory with the given rules. */
  public static VerifyReport verify(Inventory inventory, List<Rule> rules) {
    List<Finding> findings = new ArrayList<>();
    rules.forEach(rule -> findings.addAll(rule.check(inventory)));
    Collections.sort(findings);
    SortedMap<String, String> ran = new TreeMap<>();
    rules.forEach(rule -> ran.put(rule.id(), rule.description()));
    return new VerifyReport(inventory.stacks().size(), inventory.resources().size(), ran, List.copyOf(findings));
  }
}
