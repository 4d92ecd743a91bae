package dev.meridian.cli;

import com.hashicorp.cdktf.App;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.terraform.TerraformSynthesizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The app the real {@code cdktf} CLI runs through {@code cdktf.json} ({@code cdktf synth}): the CLI
 * passes its output folder in the environment; the specs come from {@code MERIDIAN_SPEC}
 * (comma-separated), default {@code examples/active-passive-uk.jsonnet}.
 */
@Command(name = "cdktf-app", hidden = true, description = "Run by the cdktf CLI (cdktf.json); specs from MERIDIAN_SPEC=FILE[,FILE…].")
final class CdktfAppCommand implements Callable<Integer> {

  static final String DEFAULT_SPEC = "examples/active-passive-uk.jsonnet";

  @Mixin private SpecOptions options;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    String specs = Optional.ofNullable(System.getenv("MERIDIAN_SPEC")).filter(s -> !s.isBlank()).orElse(DEFAULT_SPEC);
    List<Path> files = Arrays.stream(specs.split(",")).map(String::trim).map(Path::of).toList();
    Optional<List<Topology>> topologies = SynthCommand.planAll(options, files, spec.commandLine().getErr());
    if (topologies.isEmpty()) {
      return 2;
    }
    App app = new App();
    TerraformSynthesizer.withLocalState().synthInto(app, topologies.get());
    app.synth();
    return 0;
  }
}
