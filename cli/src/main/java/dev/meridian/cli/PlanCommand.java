package dev.meridian.cli;

import dev.meridian.blueprints.Blueprints.PlannedDeployment;
import dev.meridian.blueprints.plan.FailureReport;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.plan.WhatIf;
import dev.meridian.cli.render.FailureJson;
import dev.meridian.cli.render.FailureText;
import dev.meridian.cli.render.PlanJson;
import dev.meridian.cli.render.PlanMermaid;
import dev.meridian.cli.render.PlanText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meridian plan SPEC [--format text|json|mermaid] [--fail SITE…]}: the Topology of a spec —
 * sites, routing, data flows, hourly cost — or, with {@code --fail}, where users' traffic goes
 * with those sites down and whether residency still holds. Never starts jsii.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show a spec's plan: sites, DNS routing, data flows, residency and hourly cost.",
        "With --fail, simulate those sites being down. Exit 0, or 2 for an invalid spec."})
final class PlanCommand implements Callable<Integer> {

  /** Output formats of the plan. */
  enum Format { text, json, mermaid }

  @Mixin private SpecOptions options;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (.jsonnet or .json).")
  private Path specFile;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text (default), json or mermaid (Mermaid is not available with --fail).")
  private Format format;

  @Option(names = "--fail", arity = "1..*", split = ",", paramLabel = "SITE",
      description = "Sites to take down in the simulation: --fail a b, --fail a,b or --fail a --fail b (after SPEC).")
  private List<String> failed = List.of();

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<PlannedDeployment> planned = options.plan(options.blueprints(), specFile, err);
    if (planned.isEmpty()) {
      return 2;
    }
    Topology topology = planned.get().topology();
    if (failed.isEmpty()) {
      out.print(switch (format) {
        case text -> PlanText.render(topology);
        case json -> PlanJson.render(topology);
        case mermaid -> PlanMermaid.render(topology);
      });
      out.flush();
      return 0;
    }
    if (format == Format.mermaid) {
      err.println("meridian plan: --format mermaid draws the plan; with --fail use text or json");
      return 2;
    }
    FailureReport report = WhatIf.simulate(topology, new LinkedHashSet<>(failed));
    if (report instanceof FailureReport.Rejected rejected) {
      rejected.problems().forEach(p -> err.println(p.render()));
      return 2;
    }
    FailureReport.Simulated simulated = (FailureReport.Simulated) report;
    out.print(format == Format.json ? FailureJson.render(simulated) : FailureText.render(topology, simulated));
    out.flush();
    return 0;
  }
}
