package dev.meridian.blueprints.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Small text helpers for one-line problem messages. */
final class Text {

  private static final int MAX_SHOWN = 60;

  private Text() {}

  /** A field path below {@code parent}: {@code dns} + {@code ttl} → {@code dns.ttl}. */
  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The value in double quotes, control characters escaped, long values shortened. */
  static String quote(String value) {
    return "\"" + escape(value, MAX_SHOWN) + "\"";
  }

  /**
   * The text with quotes, backslashes and control characters escaped (so it stays on one line
   * whatever it holds), shortened to {@code max} characters.
   */
  static String escape(String value, int max) {
    StringBuilder s = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < value.length() && shown < max; i++, shown++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    if (value.length() > max) {
      s.append("…");
    }
    return s.toString();
  }

  /** The message on one line: line breaks and other control characters become spaces. */
  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(message.length());
    message.codePoints().forEach(c -> s.appendCodePoint(
        Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
    String flat = s.toString().replaceAll(" {2,}", " ").strip();
    return flat.length() > 400 ? flat.substring(0, 400) + "…" : flat;
  }

  /**
   * The closest candidate (ties: the first in order), for "did you mean": within one edit per
   * three characters of the value, at most three.
   */
  static Optional<String> closest(String value, Collection<String> candidates) {
    String lower = value.toLowerCase(Locale.ROOT);
    LevenshteinDistance distance = new LevenshteinDistance(Math.min(3, (value.length() + 2) / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance.apply(lower, candidate.toLowerCase(Locale.ROOT));
      if (d >= 0 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code a, b, c} in the given order. */
  static String list(Collection<String> values) {
    return values.stream().collect(Collectors.joining(", "));
  }
}
