package dev.meridian.review.verify;

import dev.meridian.review.inventory.Geography;
import dev.meridian.review.inventory.Located;
import dev.meridian.review.inventory.Residency;
import dev.meridian.review.inventory.Resource;
import dev.meridian.review.inventory.Stack;
import dev.meridian.review.inventory.StackPlacement;
import java.util.List;
import java.util.Optional;

/** Judges user-data flows against jurisdictions and a deployment's allowed transfers. */
final class Borders {

  static final String DATA_CLASS = "meridian:data-class";
  private static final Residency NO_TRANSFERS = new Residency(true, List.of());

  private Borders() {}

  /** The jurisdiction a resource's data lives in: its region's, else its stack's recorded one. */
  static Optional<String> jurisdiction(Resource resource) {
    return resource.region().flatMap(Geography.builtIn()::jurisdictionOfRegion)
        .or(() -> resource.stack().placement().flatMap(StackPlacement::jurisdiction));
  }

  /** The jurisdiction of a region, if review knows it. */
  static Optional<String> jurisdiction(Optional<String> region) {
    return region.flatMap(Geography.builtIn()::jurisdictionOfRegion);
  }

  /** The residency policy of a stack; strict with no transfers when it records none. */
  static Residency residency(Stack stack) {
    return stack.placement().map(StackPlacement::residency).orElse(NO_TRANSFERS);
  }

  /** Whether a resource holds user data: tagged {@code user}, or untagged (unproven counts as user). */
  static boolean holdsUserData(Resource resource) {
    String dataClass = resource.tags().get(DATA_CLASS);
    return dataClass == null || dataClass.equals("user");
  }

  /**
   * A finding if user data of {@code source} flowing to {@code destination} crosses a border the
   * source's deployment does not allow, or if the destination's jurisdiction cannot be proven.
   */
  static Optional<Finding> judge(String rule, Resource source, String flow, Located destination) {
    Optional<String> from = jurisdiction(source);
    Optional<String> to = destination.resource().flatMap(Borders::jurisdiction)
        .or(() -> jurisdiction(destination.region()));
    if (to.isEmpty()) {
      return Optional.of(new Finding(source.path(), rule, "cannot prove residency of " + flow + " to "
          + destination.describe() + ": it is not in this output and neither its ARN nor its name states a known region"));
    }
    if (from.isEmpty()) {
      return Optional.of(new Finding(source.path(), rule, "cannot prove residency of " + flow + " from "
          + source.path() + ": neither its region nor its stack states a jurisdiction"));
    }
    Residency residency = residency(source.stack());
    if (residency.allows(from.get(), to.get())) {
      return Optional.empty();
    }
    return Optional.of(new Finding(source.path(), rule, flow + " to " + destination.describe()
        + " (" + destination.region().orElse("?") + ", " + to.get() + ") moves user data " + from.get() + " → " + to.get()
        + ", which allowedTransfers of " + source.stack().deployment() + " do not list"));
  }
}
