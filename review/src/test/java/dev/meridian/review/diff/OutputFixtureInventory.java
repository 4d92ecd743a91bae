package dev.meridian.review.diff;

import dev.meridian.review.OutputFixture;
import dev.meridian.review.ReviewInputException;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.OutputReader;

/** The clean fixture read once as an inventory. */
final class OutputFixtureInventory {

  private OutputFixtureInventory() {}

  static Inventory clean() {
    try {
      return OutputReader.read(OutputFixture.resource("clean-active-passive"));
    } catch (ReviewInputException e) {
      throw new IllegalStateException(String.join("; ", e.problems()), e);
    }
  }

}
