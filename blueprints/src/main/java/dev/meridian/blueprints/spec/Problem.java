package dev.meridian.blueprints.spec;

import java.util.Optional;

/**
 * One problem found in a spec, printed as one line:
 * {@code FILE[:LINE]: field.path: what is wrong (what would be right)}.
 *
 * @param file     the spec file as the user named it
 * @param line     1-based line in that file, when known
 * @param field    dotted field path, e.g. {@code regions[1].awsRegion}; empty for the whole file
 * @param message  what is wrong, with the value and what would be right
 * @param severity an error stops the run; a warning is printed and the run goes on
 */
public record Problem(String file, Optional<Integer> line, String field, String message, Severity severity) {

  /** Whether a problem stops the run. */
  public enum Severity { ERROR, WARNING }

  /** The one-line form shown to users. */
  public String render() {
    StringBuilder s = new StringBuilder(file);
    line.ifPresent(l -> s.append(':').append(l));
    s.append(": ");
    if (severity == Severity.WARNING) {
      s.append("warning: ");
    }
    if (!field.isEmpty()) {
      s.append(field).append(": ");
    }
    return s.append(message).toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
