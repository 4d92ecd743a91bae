package dev.meridian.cli;

import dev.meridian.review.ReviewInputException;
import dev.meridian.review.diff.DiffReport;
import dev.meridian.review.diff.Differ;
import dev.meridian.review.diff.FailClass;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meridian diff BASE HEAD}: a review diff of two synth outputs. Exit 0, 2 for bad input,
 * and 1 when a class listed in {@code --fail-on} occurs. Defaults: {@code --format markdown},
 * {@code --max-chars 65536}, no {@code --fail-on}, accounts shown.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Review diff of two synth outputs, per deployment and site, with residency, DNS, cost and access callouts.")
final class DiffCommand implements Callable<Integer> {

  /** How diff prints. */
  enum Format { markdown, text, json }

  @Parameters(index = "0", paramLabel = "BASE", description = "synth output of the base branch")
  private Path base;

  @Parameters(index = "1", paramLabel = "HEAD", description = "synth output of the change")
  private Path head;

  @Option(names = "--format", defaultValue = "markdown", description = "markdown, text or json (default: ${DEFAULT-VALUE})")
  private Format format;

  @Option(names = "--fail-on", split = ",", paramLabel = "CLASS",
      description = "exit 1 when any of these occur: destroy, replacement, residency, dns, access")
  private List<String> failOn = new ArrayList<>();

  @Option(names = "--redact-accounts", description = "mask 12-digit AWS account ids")
  private boolean redactAccounts;

  @Option(names = "--max-chars", defaultValue = "65536", description = "markdown length limit (default: ${DEFAULT-VALUE}, GitHub's comment limit)")
  private int maxChars;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<FailClass> classes = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (String name : failOn) {
      try {
        classes.add(FailClass.of(name));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    DiffReport report = null;
    try {
      report = Differ.diff(base, head);
    } catch (ReviewInputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      err.flush();
      return 2;
    }
    String text = switch (format) {
      case markdown -> report.markdown(maxChars);
      case text -> report.text();
      case json -> report.json();
    };
    out.print(redactAccounts ? DiffReport.redactAccounts(text) : text);
    out.flush();
    Set<FailClass> failing = report.failing(classes);
    if (!failing.isEmpty()) {
      err.println("diff contains " + failing.stream().map(FailClass::toString).collect(Collectors.joining(", "))
          + " (--fail-on)");
      err.flush();
      return 1;
    }
    return 0;
  }
}
