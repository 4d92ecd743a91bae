package dev.meridian.review;

import java.util.List;

/**
 * The input given to verify or diff is not a readable synth output: a missing folder, a folder
 * without {@code cdk/manifest.json} or {@code terraform/manifest.json}, or broken JSON. Carries one
 * line per problem, each naming the file (and line, when known) and what would be right.
 */
public final class ReviewInputException extends Exception {

  private final transient List<String> problems;

  /** An exception listing at least one problem. */
  public ReviewInputException(List<String> problems) {
    super(String.join("\n", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ReviewInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** One line per problem, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
