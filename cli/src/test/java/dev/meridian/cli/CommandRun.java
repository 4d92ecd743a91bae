package dev.meridian.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * One in-process run of the {@code meridian} command line: its exit code and what it printed.
 *
 * @param exit the exit code
 * @param out  everything written to standard output
 * @param err  everything written to standard error
 */
record CommandRun(int exit, String out, String err) {

  /** The repository's {@code examples/} folder, seen from the cli module (surefire's working dir). */
  static final Path EXAMPLES = Path.of("..", "examples");

  /** The repository's {@code jsonnet/} folder, where {@code meridian.libsonnet} lives. */
  static final Path JSONNET = Path.of("..", "jsonnet");

  /** Runs {@code meridian ARGS…}. */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Meridian.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CommandRun(exit, out.toString(), err.toString());
  }

  /** The non-empty lines of standard error. */
  List<String> errLines() {
    return err.lines().filter(l -> !l.isEmpty()).toList();
  }
}
