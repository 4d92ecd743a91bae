package dev.meridian.cli;

import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.cdk.CdkSynthesizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awscdk.App;

/**
 * The app the real {@code cdk} CLI runs through {@code cdk.json} ({@code cdk synth -c
 * spec=examples/x.json}, {@code cdk ls}, {@code cdk diff}): the CLI passes its output folder and
 * context in the environment; {@code spec} (comma-separated for several) names the specs.
 */
@Command(name = "cdk-app", hidden = true, description = "Run by the cdk CLI (cdk.json); pass specs with -c spec=FILE[,FILE…].")
final class CdkAppCommand implements Callable<Integer> {

  @Mixin private SpecOptions options;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    App app = new App(software.amazon.awscdk.AppProps.builder()
        .analyticsReporting(false)
        .treeMetadata(false)
        .stackTraces(false)
        .context(CdkSynthesizer.deterministicContext())
        .build());
    Object specContext = app.getNode().tryGetContext("spec");
    if (specContext == null || specContext.toString().isBlank()) {
      spec.commandLine().getErr().println("cdk-app: context spec: missing (run e.g. cdk synth -c spec=examples/single-region.json)");
      return 2;
    }
    List<Path> files = Arrays.stream(specContext.toString().split(",")).map(String::trim).map(Path::of).toList();
    Optional<List<Topology>> topologies = SynthCommand.planAll(options, files, spec.commandLine().getErr());
    if (topologies.isEmpty()) {
      return 2;
    }
    CdkSynthesizer.addTo(app, topologies.get());
    app.synth();
    return 0;
  }
}
