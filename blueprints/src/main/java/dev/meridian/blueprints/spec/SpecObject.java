package dev.meridian.blueprints.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object of a spec, reporting every problem with its field path
 * and line: unknown fields (with a did-you-mean), missing required fields, wrong types (naming
 * the expected type) and out-of-range integers (never overflowing, whatever the number). A read
 * that fails returns empty; the problem is already recorded.
 */
final class SpecObject {

  private final Json.Obj obj;
  private final String path;
  private final Problems problems;

  private SpecObject(Json.Obj obj, String path, Problems problems) {
    this.obj = obj;
    this.path = path;
    this.problems = problems;
  }

  /**
   * The value as an object whose fields must be among {@code allowed}; empty (with a problem) when
   * it is not an object.
   */
  static Optional<SpecObject> of(Json value, String path, Set<String> allowed, Problems problems) {
    if (!(value instanceof Json.Obj obj)) {
      problems.error(value.line(), path, "expected an object, got " + describe(value));
      return Optional.empty();
    }
    SpecObject o = new SpecObject(obj, path, problems);
    obj.fields().forEach((key, field) -> {
      if (!allowed.contains(key)) {
        String hint = Text.closest(key, allowed)
            .map(c -> "did you mean " + Text.quote(c) + "?")
            .orElse("known fields: " + Text.list(allowed));
        problems.error(field.keyLine(), Text.child(path, key), "unknown field (" + hint + ")");
      }
    });
    return Optional.of(o);
  }

  /** The value as an object, without checking its field names (they were checked when first read). */
  static SpecObject quiet(Json.Obj obj, String path, Problems problems) {
    return new SpecObject(obj, path, problems);
  }

  String path() {
    return path;
  }

  /** The field path of a key of this object. */
  String path(String key) {
    return Text.child(path, key);
  }

  /** The line of this object. */
  int line() {
    return obj.line();
  }

  /** The line of a field's value, or of this object when the field is absent. */
  int line(String key) {
    Json.Field f = obj.fields().get(key);
    return f == null ? obj.line() : f.value().line();
  }

  boolean has(String key) {
    return obj.fields().containsKey(key);
  }

  Optional<Json> raw(String key) {
    return Optional.ofNullable(obj.fields().get(key)).map(Json.Field::value);
  }

  /** Records that a required field is absent. */
  void missing(String key, String what) {
    problems.error(obj.line(), path(key), "required field is missing (" + what + ")");
  }

  Optional<String> string(String key) {
    return raw(key).flatMap(v -> {
      if (v instanceof Json.Str s) {
        return Optional.of(s.value());
      }
      problems.error(v.line(), path(key), "expected a string, got " + describe(v));
      return Optional.empty();
    });
  }

  /** A string field that must be present. */
  Optional<String> requiredString(String key, String what) {
    if (!has(key)) {
      missing(key, what);
      return Optional.empty();
    }
    return string(key);
  }

  /** A string field matching {@code regex}; {@code rule} says in words what is expected. */
  Optional<String> matching(String key, Pattern regex, String rule) {
    return string(key).filter(s -> {
      if (regex.matcher(s).matches()) {
        return true;
      }
      problems.error(line(key), path(key), Text.quote(s) + " " + rule);
      return false;
    });
  }

  /** A string field that must be one of {@code allowed}. */
  Optional<String> oneOf(String key, List<String> allowed) {
    return string(key).filter(s -> {
      if (allowed.contains(s)) {
        return true;
      }
      String hint = Text.closest(s, allowed).map(c -> "did you mean " + Text.quote(c) + "?")
          .orElse("one of: " + Text.list(allowed));
      problems.error(line(key), path(key), Text.quote(s) + " is not allowed (" + hint + ")");
      return false;
    });
  }

  /** An integer field within {@code min..max}; fractions, huge numbers and other types are problems. */
  Optional<Integer> integer(String key, int min, int max) {
    return raw(key).flatMap(v -> {
      if (!(v instanceof Json.Num n)) {
        problems.error(v.line(), path(key), "expected an integer from " + min + " to " + max + ", got " + describe(v));
        return Optional.empty();
      }
      BigDecimal value = n.value();
      boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
      if (!whole) {
        problems.error(v.line(), path(key), n.text() + " is not a whole number (expected an integer from "
            + min + " to " + max + ")");
        return Optional.empty();
      }
      if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
        problems.error(v.line(), path(key), shortNumber(n.text()) + " is out of range (expected an integer from "
            + min + " to " + max + ")");
        return Optional.empty();
      }
      return Optional.of(value.intValue());
    });
  }

  /** A nested object field whose fields must be among {@code allowed}. */
  Optional<SpecObject> object(String key, Set<String> allowed) {
    return raw(key).flatMap(v -> of(v, path(key), allowed, problems));
  }

  /** An array field. */
  Optional<List<Json>> array(String key) {
    return raw(key).flatMap(v -> {
      if (v instanceof Json.Arr a) {
        return Optional.of(a.items());
      }
      problems.error(v.line(), path(key), "expected an array, got " + describe(v));
      return Optional.empty();
    });
  }

  /** An array of strings; a non-string item is a problem and is left out. */
  Optional<List<String>> strings(String key) {
    return array(key).map(items -> {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Json item = items.get(i);
        if (item instanceof Json.Str s) {
          out.add(s.value());
        } else {
          problems.error(item.line(), path(key) + "[" + i + "]", "expected a string, got " + describe(item));
        }
      }
      return out;
    });
  }

  /** The fields as read, for merging overrides. */
  Map<String, Json.Field> fields() {
    return obj.fields();
  }

  /** A value as an error message names it: its type, and the value itself when short. */
  static String describe(Json v) {
    if (v instanceof Json.Str s) {
      return "the string " + Text.quote(s.value());
    }
    if (v instanceof Json.Num n) {
      return "the number " + shortNumber(n.text());
    }
    if (v instanceof Json.Bool b) {
      return "the boolean " + b.value();
    }
    return v.kind();
  }

  private static String shortNumber(String text) {
    return text.length() > 30 ? text.substring(0, 27) + "…" : text;
  }
}
