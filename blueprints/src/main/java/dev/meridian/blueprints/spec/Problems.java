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
      .thenComparing(Problem::field, Problems::compareFields)
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

  /** Field paths in reading order: {@code regions[2]} before {@code regions[10]}. */
  static int compareFields(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        String numberA = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
        String numberB = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
        int byNumber = numberA.length() != numberB.length()
            ? Integer.compare(numberA.length(), numberB.length()) : numberA.compareTo(numberB);
        if (byNumber != 0) {
          return byNumber;
        }
        i = endA;
        j = endB;
      } else {
        if (a.charAt(i) != b.charAt(j)) {
          return Character.compare(a.charAt(i), b.charAt(j));
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /** A {@link SpecException} carrying every problem so far. */
  SpecException exception() {
    return new SpecException(sorted());
  }
}
