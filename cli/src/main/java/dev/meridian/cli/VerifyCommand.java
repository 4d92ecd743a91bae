package dev.meridian.cli;

import dev.meridian.review.ReviewInputException;
import dev.meridian.review.verify.Verifier;
import dev.meridian.review.verify.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meridian verify DIR}: residency and policy checks on a synth output alone. Exit 0 when
 * clean, 1 with findings, 2 for bad input. {@code --format} defaults to {@code text}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Prove residency and policy from synthesized output alone (cdk/ and/or terraform/ in DIR).")
final class VerifyCommand implements Callable<Integer> {

  /** How verify prints its findings. */
  enum Format { text, json }

  @Parameters(index = "0", paramLabel = "DIR", description = "the --out directory of meridian synth")
  private Path dir;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  private Format format;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      VerifyReport report = Verifier.verify(dir);
      out.print(switch (format) {
        case text -> report.text();
        case json -> report.json();
      });
      out.flush();
      return report.exitCode();
    } catch (ReviewInputException e) {
      e.problems().forEach(err::println);
      err.flush();
      return 2;
    }
  }
}
