package dev.meridian.blueprints.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value that remembers the line it starts on, so a spec problem can point at the
 * offending field. Line 0 means "unknown" (Jsonnet output, whose lines are not the source's).
 */
sealed interface Json {

  /** 1-based line where the value starts; 0 when unknown. */
  int line();

  /** What the value is, in the words an error message uses ("a string", "an object", …). */
  String kind();

  /** An object; fields keep their order, each with the line of its key. */
  record Obj(int line, Map<String, Field> fields) implements Json {
    @Override
    public String kind() {
      return "an object";
    }
  }

  /** One field of an object: its key's line and its value. */
  record Field(int keyLine, Json value) {}

  /** An array. */
  record Arr(int line, List<Json> items) implements Json {
    @Override
    public String kind() {
      return "an array";
    }
  }

  /** A string. */
  record Str(int line, String value) implements Json {
    @Override
    public String kind() {
      return "a string";
    }
  }

  /**
   * A number, exactly as written (no overflow: {@code 1e400} stays {@code 1e400}).
   *
   * @param text the number's source text, for messages
   */
  record Num(int line, BigDecimal value, String text) implements Json {
    @Override
    public String kind() {
      return "a number";
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(int line, boolean value) implements Json {
    @Override
    public String kind() {
      return "a boolean";
    }
  }

  /** {@code null}. */
  record Null(int line) implements Json {
    @Override
    public String kind() {
      return "null";
    }
  }
}
