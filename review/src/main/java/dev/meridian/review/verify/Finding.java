package dev.meridian.review.verify;

/**
 * One breach verify found: where, which rule, and why, in one line.
 *
 * @param path    the resource ({@code cdk/chat-uk/LogsBucket}) or stack ({@code cdk/chat-uk})
 * @param rule    the id of the rule that found it, e.g. {@code replication}
 * @param message why it breaches the rule, naming the values involved
 */
public record Finding(String path, String rule, String message) implements Comparable<Finding> {

  @Override
  public int compareTo(Finding other) {
    int byPath = path.compareTo(other.path);
    if (byPath != 0) {
      return byPath;
    }
    int byRule = rule.compareTo(other.rule);
    return byRule != 0 ? byRule : message.compareTo(other.message);
  }

  /** {@code path: [rule] message}, as {@code meridian verify} prints it. */
  public String line() {
    return path + ": [" + rule + "] " + message;
  }
}
