package dev.meridian.blueprints.spec;

import dev.meridian.blueprints.catalog.Catalog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads a deployment spec file and validates it: {@code .jsonnet} and {@code .libsonnet} files
 * are evaluated with sjsonnet (the import path given here, e.g. the repository's {@code jsonnet/}
 * folder, is searched by {@code import}), {@code .json} files are read as they are. Every problem
 * is collected and raised at once in a {@link SpecException}, each one line:
 * {@code FILE[:LINE]: field.path: what is wrong (what would be right)}.
 *
 * <p>Problems in a {@code .json} spec carry the line of the offending field. Problems in a Jsonnet
 * spec carry a line only when sjsonnet reports one (syntax and runtime errors); validation
 * problems name the field path but no line, since the evaluated JSON's lines are not the source's.
 *
 * <p>Limits that keep a hostile file from hanging or crashing the caller: files larger than
 * {@value #MAX_FILE_BYTES} bytes are refused; Jsonnet evaluation has a time limit (default 10 s)
 * and a bounded stack; JSON nesting is bounded. Loading a {@code .json} spec never starts sjsonnet.
 */
public final class SpecLoader {

  /** Default time limit of a Jsonnet evaluation. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

  /** The largest spec file accepted, in bytes (1 MiB). */
  public static final int MAX_FILE_BYTES = 1 << 20;

  private final List<Path> jsonnetPath;
  private final Duration timeLimit;
  private final Catalog catalog;

  /** A loader with the default time limit and the built-in catalog. */
  public SpecLoader(List<Path> jsonnetPath) {
    this(jsonnetPath, DEFAULT_TIME_LIMIT);
  }

  /** A loader whose Jsonnet evaluations stop after {@code timeLimit}. */
  public SpecLoader(List<Path> jsonnetPath, Duration timeLimit) {
    this(jsonnetPath, timeLimit, Catalog.builtIn());
  }

  /** A loader that checks regions and instance types against {@code catalog}. */
  public SpecLoader(List<Path> jsonnetPath, Duration timeLimit, Catalog catalog) {
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
    }
    this.jsonnetPath = List.copyOf(jsonnetPath);
    this.timeLimit = timeLimit;
    this.catalog = catalog;
  }

  /**
   * Loads, evaluates and validates the spec at {@code file} (named as the user gave it; messages
   * use that name).
   *
   * @throws SpecException with every problem found, when the spec cannot be used
   */
  public LoadedSpec load(Path file) throws SpecException {
    SourceFile source = new SourceFile(file);
    Problems problems = new Problems(source.display());
    Optional<Json> json = read(file, problems);
    Optional<Deployment> deployment = json.flatMap(j -> new SpecBinder(catalog, source, problems).bind(j));
    if (deployment.isEmpty() || problems.hasErrors()) {
      throw problems.exception();
    }
    return new LoadedSpec(deployment.get(), problems.warnings());
  }

  private Optional<Json> read(Path file, Problems problems) {
    String name = Optional.ofNullable(file.getFileName()).map(Path::toString).orElse("").toLowerCase(Locale.ROOT);
    boolean jsonnet = name.endsWith(".jsonnet") || name.endsWith(".libsonnet");
    if (!jsonnet && !name.endsWith(".json")) {
      problems.error(0, "", "is not a spec file (expected a .jsonnet, .libsonnet or .json file)");
      return Optional.empty();
    }
    Optional<String> text = text(file, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (!jsonnet) {
      String json = text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get();
      return new JsonReader(problems, true).read(json);
    }
    if (text.get().startsWith("\uFEFF")) {
      problems.error(1, "", "starts with a byte-order mark, which Jsonnet does not accept (save as UTF-8 without BOM)");
      return Optional.empty();
    }
    return new JsonnetEvaluator(jsonnetPath, timeLimit).evaluate(file, problems)
        .flatMap(output -> new JsonReader(problems, false).read(output));
  }

  /** The file's text: a regular file within the size limit, UTF-8, not blank. */
  private static Optional<String> text(Path file, Problems problems) {
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        problems.error(0, "", Files.exists(file) ? "is not a regular file" : "no such file");
        return Optional.empty();
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        problems.error(0, "", "file is " + size + " bytes, more than the " + MAX_FILE_BYTES + "-byte limit for a spec");
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      problems.error(0, "", "no such file");
      return Optional.empty();
    } catch (AccessDeniedException e) {
      problems.error(0, "", "permission denied");
      return Optional.empty();
    } catch (IOException e) {
      problems.error(0, "", "cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    if (bytes.length > MAX_FILE_BYTES) {
      problems.error(0, "", "file is " + bytes.length + " bytes, more than the " + MAX_FILE_BYTES
          + "-byte limit for a spec");
      return Optional.empty();
    }
    if (bytes.length == 0) {
      problems.error(0, "", "file is empty (expected a JSON object or a Jsonnet program)");
      return Optional.empty();
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    String text;
    try {
      text = decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes);
      problems.error(lineAt(bytes, bad), "", String.format("is not UTF-8 text (invalid byte 0x%02X at byte %d);"
          + " save the file as UTF-8", bytes[bad] & 0xff, bad));
      return Optional.empty();
    }
    if (text.replace("\uFEFF", "").isBlank()) {
      problems.error(0, "", "file has only whitespace (expected a JSON object or a Jsonnet program)");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  private static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
