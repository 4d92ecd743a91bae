package dev.meridian.blueprints.spec;

import java.util.List;

/**
 * Thrown when a spec cannot be loaded or is invalid; carries every problem found, not just the
 * first. Callers print {@link #problems()} one per line and exit 2.
 */
public final class SpecException extends Exception {

  private final transient List<Problem> problems;

  public SpecException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid spec" : problems.get(0).render(), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** Every problem, errors and warnings, in file order. */
  public List<Problem> problems() {
    return problems;
  }
}
