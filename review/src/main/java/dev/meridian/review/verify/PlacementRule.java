package dev.meridian.review.verify;

import dev.meridian.review.inventory.Geography;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Stack;
import dev.meridian.review.inventory.StackPlacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every stack records what it belongs to, and the record agrees with the output: the recorded
 * {@code awsRegion} is the region the stack deploys to, the recorded jurisdiction is that
 * region's, and the stack's site is listed with the same jurisdiction in {@code sites}.
 */
public final class PlacementRule implements Rule {

  @Override
  public String id() {
    return "placement";
  }

  @Override
  public String description() {
    return "every stack records its deployment, site, jurisdiction and residency, consistent with its region";
  }

  @Override
  public List<Finding> check(Inventory inventory) {
    List<Finding> findings = new ArrayList<>();
    for (Stack stack : inventory.stacks()) {
      if (stack.placement().isEmpty()) {
        findings.add(new Finding(stack.path(), id(), stack.placementError().orElse("no placement recorded")));
        continue;
      }
      StackPlacement p = stack.placement().get();
      stack.region().filter(r -> !r.equals(p.awsRegion())).ifPresent(r -> findings.add(new Finding(stack.path(), id(),
          "records awsRegion " + p.awsRegion() + " but deploys to " + r)));
      String region = stack.region().orElse(p.awsRegion());
      Optional<String> actual = Geography.builtIn().jurisdictionOfRegion(region);
      if (p.jurisdiction().isPresent() && actual.isPresent() && !actual.get().equals(p.jurisdiction().get())) {
        findings.add(new Finding(stack.path(), id(), "records jurisdiction " + p.jurisdiction().get()
            + " but " + region + " is in " + actual.get()));
      }
      if (p.site().isPresent()) {
        String listed = p.sites().get(p.site().get());
        if (listed == null) {
          findings.add(new Finding(stack.path(), id(), "records site " + p.site().get() + " which its sites "
              + p.sites().keySet() + " do not list"));
        } else if (p.jurisdiction().isPresent() && !listed.equals(p.jurisdiction().get())) {
          findings.add(new Finding(stack.path(), id(), "records jurisdiction " + p.jurisdiction().get()
              + " but its sites list " + p.site().get() + " as " + listed));
        }
      }
    }
    return findings;
  }
}
