package dev.meridian.blueprints.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Collects the problems of one spec file, so all of them are reported at once, sorted by line,
 * then field.
 */
final class Problems {

  private static final Comparator<Problem> ORDER = Comparator
      .comparing((Problem p) -> p.line().orElse(0))
      .thenComparing(Problem::field)
      .thenComparing(Problem::message);

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  Problems(String file) {
    this.file = Text.escape(file, 1000);
  }

  /** Records an error; {@code line} 0 means unknown, {@code field} empty means the whole file. */
  void error(int line, String field, String message) {
    add(line, field, message, Problem.Severity.ERROR);
  }

  /** Records a warning: printed, but the spec is still usable. */
  void warning(int line, String field, String message) {
    add(line, field, message, Problem.Severity.WARNING);
  }

  private void add(int line, String field, String message, Problem.Severity severity) {
    problems.add(new Problem(file, line > 0 ? Optional.of(line) : Optional.empty(), Text.escape(field, 200),
        Text.oneLine(message), severity));
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
  }

  /** Every problem so far, sorted by line, then field. */
  List<Problem> sorted() {
    return problems.stream().sorted(ORDER).toList();
  }

  /** The warnings so far, sorted. */
  List<Problem> warnings() {
    return sorted().stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
  }

  /** A {@link SpecException} carrying every problem so far. */
  SpecException exception() {
    return new SpecException(sorted());
  }
}
