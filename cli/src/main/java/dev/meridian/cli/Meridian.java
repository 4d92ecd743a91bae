package dev.meridian.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code meridian} command: validate, plan, synthesize, verify, diff and deploy multi-region
 * inference deployments. Exit codes: 0 success, 1 findings (verify, diff --fail-on), 2 bad input
 * or usage, 70 internal error.
 */
@Command(
    name = "meridian",
    mixinStandardHelpOptions = true,
    versionProvider = MeridianVersion.class,
    description = "Multi-region AI inference infrastructure: one spec, CloudFormation or Terraform, residency proven.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      SynthCommand.class,
      VerifyCommand.class,
      DiffCommand.class,
      DeployCommand.class,
      CdkAppCommand.class,
      CdktfAppCommand.class,
    })
public final class Meridian implements Runnable {

  /** Exit code for a bug in Meridian itself (sysexits EX_SOFTWARE). */
  public static final int INTERNAL_ERROR = 70;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this in-process). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the command line writing to {@code out} and {@code err} instead of the process's streams. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    int exit = commandLine().setOut(out).setErr(err).execute(args);
    out.flush();
    err.flush();
    return exit;
  }

  private static CommandLine commandLine() {
    return new CommandLine(new Meridian()).setExecutionExceptionHandler(new InternalErrorHandler());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
