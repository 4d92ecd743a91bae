package dev.meridian.cli.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * JSON as the plan formats print it: written with Jackson's streaming generator, indented by its
 * default pretty printer, ending with a newline. Streaming keeps {@code meridian plan --format json}
 * from loading jackson-databind (about 300 classes at start-up) just to print.
 */
final class JsonText {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** What writes one JSON value. */
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  static String write(Body body) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text).useDefaultPrettyPrinter()) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
    return text + "\n";
  }

  static void stringArray(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
