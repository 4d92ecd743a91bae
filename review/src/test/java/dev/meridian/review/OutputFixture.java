package dev.meridian.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A hand-written synth output from {@code src/test/resources}, copied to a temporary folder so a
 * test can edit it the way a careless hand would: a text replacement, or a change to the JSON.
 */
public final class OutputFixture {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  private OutputFixture(Path dir) {
    this.dir = dir;
  }

  /** A copy of the fixture folder {@code name} inside {@code temp}. */
  public static OutputFixture copy(String name, Path temp) {
    Path source = resource(name);
    Path target = temp.resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OutputFixture(target);
  }

  /** The folder of a fixture in test resources. */
  public static Path resource(String name) {
    try {
      return Path.of(OutputFixture.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The copy's root folder. */
  public Path dir() {
    return dir;
  }

  /** Replaces text that occurs in the file exactly once. */
  public OutputFixture replace(String file, String from, String to) {
    String text = read(file);
    assertThat(text.split(Pattern.quote(from), -1)).as("occurrences of %s in %s", from, file).hasSize(2);
    write(file, text.replace(from, to));
    return this;
  }

  /** Edits the file's JSON. */
  public OutputFixture json(String file, Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(read(file));
      edit.accept(root);
      write(file, MAPPER.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private String read(String file) {
    try {
      return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String file, String text) {
    try {
      Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
