package dev.meridian.blueprints.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses JSON text into {@link Json} values with line numbers, using Jackson's streaming parser.
 * Duplicate keys are problems (the later one would silently win otherwise); syntax errors end
 * parsing with one problem at the line Jackson reports. Nesting is bounded by Jackson's
 * {@link StreamReadConstraints} (depth {@value #MAX_DEPTH}), so hostile input cannot exhaust the
 * stack.
 */
final class JsonReader {

  static final int MAX_DEPTH = 200;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(1000)
          .build())
      .build();

  private final Problems problems;
  private final boolean linesKnown;
  private JsonParser parser;

  /**
   * @param problems   where problems go
   * @param linesKnown whether the text is the user's file (else lines are reported as unknown)
   */
  JsonReader(Problems problems, boolean linesKnown) {
    this.problems = problems;
    this.linesKnown = linesKnown;
  }

  /** The parsed value, or empty when the text is not JSON (the reason is in the problems). */
  Optional<Json> read(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.error(0, "", "file has no JSON value (expected an object)");
        return Optional.empty();
      }
      Json value = value(first, "");
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        problems.error(line(), "", "unexpected content after the spec object ("
            + Text.quote(p.getText()) + "); a spec is one JSON object");
        return Optional.empty();
      }
      return Optional.of(value);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNr() : parser.currentLocation().getLineNr();
      problems.error(linesKnown ? Math.max(line, 0) : 0, "", "not valid JSON: " + plain(e.getOriginalMessage()));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from a string", e);
    }
  }

  /** Jackson's message without its advice to enable parser features. */
  private static String plain(String message) {
    return Text.oneLine(message)
        .replaceAll(": enable `[^`]*` to allow", "")
        .replaceAll(", from `[^`]*`", "")
        .replaceAll(" \\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)", "");
  }

  private int line() {
    return linesKnown ? parser.currentTokenLocation().getLineNr() : 0;
  }

  private Json value(JsonToken token, String path) throws IOException {
    int line = line();
    return switch (token) {
      case START_OBJECT -> object(line, path);
      case START_ARRAY -> array(line, path);
      case VALUE_STRING -> new Json.Str(line, parser.getText());
      case VALUE_NUMBER_INT -> new Json.Num(line, new BigDecimal(parser.getBigIntegerValue()), parser.getText());
      case VALUE_NUMBER_FLOAT -> new Json.Num(line, parser.getDecimalValue(), parser.getText());
      case VALUE_TRUE -> new Json.Bool(line, true);
      case VALUE_FALSE -> new Json.Bool(line, false);
      case VALUE_NULL -> new Json.Null(line);
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    };
  }

  private Json.Obj object(int line, String path) throws IOException {
    Map<String, Json.Field> fields = new LinkedHashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String key = parser.currentName();
      String child = Text.child(path, key);
      int keyLine = line();
      Json value = value(parser.nextToken(), child);
      Json.Field previous = fields.putIfAbsent(key, new Json.Field(keyLine, value));
      if (previous != null) {
        problems.error(keyLine, child, "duplicate field"
            + (linesKnown ? " (first at line " + previous.keyLine() + ")" : "") + "; keep one");
      }
    }
    return new Json.Obj(line, fields);
  }

  private Json.Arr array(int line, String path) throws IOException {
    List<Json> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      items.add(value(t, path + "[" + items.size() + "]"));
    }
    return new Json.Arr(line, items);
  }
}
