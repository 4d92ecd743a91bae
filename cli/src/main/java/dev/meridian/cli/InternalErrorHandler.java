package dev.meridian.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an unexpected exception (a bug, not bad input: bad input is reported by the commands as
 * problems) into one line and exit 70. {@code MERIDIAN_DEBUG=1} prints the stack trace too.
 */
final class InternalErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    cmd.getErr().println("meridian: internal error: " + e + " (set MERIDIAN_DEBUG=1 for the stack trace)");
    if (System.getenv("MERIDIAN_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    return Meridian.INTERNAL_ERROR;
  }
}
