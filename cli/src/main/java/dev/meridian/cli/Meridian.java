package dev.meridian.cli;

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
      VerifyCommand.class,
      DiffCommand.class,
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
    return new CommandLine(new Meridian())
        .setExecutionExceptionHandler(new InternalErrorHandler())
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
