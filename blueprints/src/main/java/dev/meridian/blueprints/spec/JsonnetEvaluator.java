package dev.meridian.blueprints.spec;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import scala.Function2;
import scala.Option;
import sjsonnet.DefaultParseCache;
import sjsonnet.SjsonnetMain$;

/**
 * Evaluates a Jsonnet spec with sjsonnet, as {@code sjsonnet -J DIR… FILE} would (imports are
 * resolved by an {@link ImportPolicy} over the same search path), on a thread of
 * its own with a bounded stack ({@value #STACK_BYTES} bytes: infinite recursion ends in a
 * problem, not a crash) and a time limit (the caller gets a problem when an evaluation runs
 * past it). Errors come back as one problem: sjsonnet's message, at the line of the spec file
 * sjsonnet names (or, for an error inside an imported file, the line of the spec that led
 * there). The output is bounded to {@value #MAX_OUTPUT_BYTES} bytes of JSON.
 */
final class JsonnetEvaluator {

  static final long STACK_BYTES = 4L << 20;
  static final int MAX_OUTPUT_BYTES = 4 << 20;

  private static final Pattern REFUSED_IMPORT = Pattern.compile("Couldn't import file: \"(.*)\"");
  private static final Pattern FRAME = Pattern.compile("^\\s+at .*\\((.*):(\\d+):(\\d+)\\)\\s*$");

  private final List<Path> importPath;
  private final Duration timeLimit;

  JsonnetEvaluator(List<Path> importPath, Duration timeLimit) {
    this.importPath = List.copyOf(importPath);
    this.timeLimit = timeLimit;
  }

  /** The JSON the file evaluates to, or empty when it does not (the reason is in the problems). */
  Optional<String> evaluate(Path file, Problems problems) {
    Path spec = file.toAbsolutePath().normalize();
    Path dir = spec.getParent();
    List<String> args = List.of(spec.toString());

    BoundedOutput out = new BoundedOutput(MAX_OUTPUT_BYTES);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.CRASHED);
    ImportPolicy imports = new ImportPolicy(importPath, List.of(dir, Path.of("").toAbsolutePath()));
    Thread worker = new Thread(null, () -> outcome.set(run(args, dir, imports::resolve, out, err)),
        "meridian-jsonnet", STACK_BYTES);
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(timeLimit.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      halt(worker);
      problems.error(0, "", "interrupted while evaluating the Jsonnet spec");
      return Optional.empty();
    }
    if (worker.isAlive()) {
      halt(worker);
      problems.error(0, "", "Jsonnet evaluation did not finish within " + seconds(timeLimit)
          + " (the time limit); look for unbounded recursion or huge std.range/std.repeat calls");
      return Optional.empty();
    }
    Outcome result = outcome.get();
    switch (result) {
      case OK -> {
        if (out.overflowed()) {
          problems.error(0, "", "Jsonnet evaluates to more than " + (MAX_OUTPUT_BYTES >> 20)
              + " MiB of JSON (the limit for a spec)");
          return Optional.empty();
        }
        return Optional.of(out.text());
      }
      case FAILED -> reportError(err.toString(StandardCharsets.UTF_8), spec, dir, imports, problems);
      case STACK_OVERFLOW -> problems.error(0, "", "Jsonnet evaluation recursed deeper than the stack allows"
          + " (infinite recursion, or nesting too deep?)");
      case OUT_OF_MEMORY -> problems.error(0, "", "Jsonnet evaluation ran out of memory"
          + " (a huge string or array?)");
      case CRASHED -> problems.error(0, "", "Jsonnet evaluation failed unexpectedly: "
          + err.toString(StandardCharsets.UTF_8));
    }
    return Optional.empty();
  }

  private enum Outcome { OK, FAILED, STACK_OVERFLOW, OUT_OF_MEMORY, CRASHED }

  private static Outcome run(List<String> args, Path dir, Function2<sjsonnet.Path, String, Option<os.Path>> importer,
      OutputStream out, ByteArrayOutputStream err) {
    try {
      PrintStream stdout = new PrintStream(out, false, StandardCharsets.UTF_8);
      PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
      os.Path wd = os.Path$.MODULE$.apply(dir, os.PathConvertible.NioPathConvertible$.MODULE$);
      SjsonnetMain$ main = SjsonnetMain$.MODULE$;
      int status = main.main0(args.toArray(String[]::new), new DefaultParseCache(), InputStream.nullInputStream(),
          stdout, stderr, wd, main.main0$default$7(), Option.apply(importer), main.main0$default$9());
      stdout.flush();
      return status == 0 ? Outcome.OK : Outcome.FAILED;
    } catch (StackOverflowError e) {
      return Outcome.STACK_OVERFLOW;
    } catch (OutOfMemoryError e) {
      return Outcome.OUT_OF_MEMORY;
    } catch (RuntimeException e) {
      err.reset();
      err.writeBytes(e.toString().getBytes(StandardCharsets.UTF_8));
      return Outcome.CRASHED;
    }
  }

  /**
   * Gives up on a runaway evaluation. sjsonnet never checks for interruption, and stopping the
   * thread by force could leave a class half-initialised (poisoning every later evaluation), so
   * the worker, a daemon that holds no lock of ours, is left at the lowest priority to end on
   * its own (at the latest when the JVM exits); the caller has its answer already.
   */
  private static void halt(Thread worker) {
    worker.interrupt();
    worker.setPriority(Thread.MIN_PRIORITY);
  }

  private static void reportError(String stderr, Path spec, Path dir, ImportPolicy imports, Problems problems) {
    List<String> message = new ArrayList<>();
    int specLine = 0;
    String elsewhere = null;
    boolean inFrames = false;
    for (String line : stderr.split("\\R")) {
      Matcher frame = FRAME.matcher(line);
      if (frame.matches()) {
        inFrames = true;
        Path where = dir.resolve(frame.group(1)).normalize();
        int lineNr = Integer.parseInt(frame.group(2));
        if (where.equals(spec)) {
          if (specLine == 0) {
            specLine = lineNr;
          }
        } else if (elsewhere == null && specLine == 0) {
          elsewhere = displayOf(where, dir) + ":" + lineNr;
        }
      } else if (!inFrames && !line.isBlank()) {
        message.add(line.strip());
      }
    }
    String text = String.join(" ", message)
        .replaceFirst("^sjsonnet\\.\\w*: ", "")
        .replaceFirst(":\\d+:\\d+, found ", ", found ");
    if (text.isEmpty()) {
      text = "Jsonnet evaluation failed";
    }
    Matcher refused = REFUSED_IMPORT.matcher(text);
    if (refused.matches() && imports.refused(refused.group(1))) {
      text = text + " (outside the spec's folder, the import path and the working directory)";
    }
    if (elsewhere != null) {
      text = text + " (in " + elsewhere + ")";
    }
    problems.error(specLine, "", text);
  }

  /** A path relative to the spec's folder where that is shorter, so no absolute path leaks. */
  private static String displayOf(Path file, Path dir) {
    String relative = dir.relativize(file).toString().replace('\\', '/');
    return relative.startsWith("../../") ? file.getFileName().toString() : relative;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** Collects output up to a limit, then drops the rest and remembers that it did. */
  private static final class BoundedOutput extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int limit;
    private boolean overflowed;

    BoundedOutput(int limit) {
      this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
      if (bytes.size() < limit) {
        bytes.write(b);
      } else {
        overflowed = true;
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      int room = Math.min(len, limit - bytes.size());
      if (room > 0) {
        bytes.write(b, off, room);
      }
      if (room < len) {
        overflowed = true;
      }
    }

    synchronized boolean overflowed() {
      return overflowed;
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
