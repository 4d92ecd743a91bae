package dev.meridian.cli;

import dev.meridian.blueprints.Blueprints;
import dev.meridian.blueprints.Blueprints.PlannedDeployment;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.Engine;
import dev.meridian.stacks.Synthesis;
import dev.meridian.stacks.SynthesisFailure;
import dev.meridian.stacks.terraform.TerraformBackend;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meridian synth SPEC… [--engine cdk|terraform|all] [--out DIR]}: every spec, every chosen
 * engine, one process and one jsii runtime. The output folder is replaced only when everything
 * succeeded; an invalid spec writes nothing.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = {"Synthesize specs: DIR/cdk is a CloudFormation cloud assembly, DIR/terraform a cdktf.out.",
        "Exit 0, or 2 for an invalid spec (the previous output is left untouched)."})
final class SynthCommand implements Callable<Integer> {

  /** The --engine choices. */
  enum EngineChoice {
    cdk(EnumSet.of(Engine.CDK)), terraform(EnumSet.of(Engine.TERRAFORM)), all(EnumSet.allOf(Engine.class));

    final Set<Engine> engines;

    EngineChoice(Set<Engine> engines) {
      this.engines = engines;
    }
  }

  @Mixin private SpecOptions options;

  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "Spec files (.jsonnet or .json).")
  private List<Path> specs;

  @Option(names = "--engine", defaultValue = "all", paramLabel = "ENGINE", description = "cdk, terraform or all (default).")
  private EngineChoice engine;

  @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output folder (default: out).")
  private Path out;

  @Option(names = "--terraform-state", defaultValue = "terraform-state", paramLabel = "WHERE",
      converter = TerraformStateOption.class,
      description = "Terraform state of each stack: a local folder (default: terraform-state) or"
          + " s3://BUCKET/PREFIX?region=REGION&lock=TABLE.")
  private TerraformBackend terraformState;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<List<Topology>> topologies = planAll(options, specs, err);
    if (topologies.isEmpty()) {
      return 2;
    }
    try {
      Synthesis.run(topologies.get(), engine.engines, out, terraformState);
    } catch (SynthesisFailure failure) {
      failure.lines().forEach(line -> err.println("meridian: synth: " + line));
      err.println("meridian: synth: nothing written; these are defects in Meridian's constructs, please report them");
      return Meridian.INTERNAL_ERROR;
    }
    spec.commandLine().getOut().printf("synthesized %d deployment%s (%s) into %s%n", topologies.get().size(),
        topologies.get().size() == 1 ? "" : "s", engine.name(), out.toString().replace('\\', '/'));
    return 0;
  }

  /** Plans every spec; prints every problem of every spec, and returns empty if any is invalid. */
  static Optional<List<Topology>> planAll(SpecOptions options, List<Path> specs, PrintWriter err) {
    Blueprints blueprints = options.blueprints();
    List<Topology> topologies = new ArrayList<>();
    Map<String, Path> names = new LinkedHashMap<>();
    boolean valid = true;
    for (Path file : specs) {
      Optional<PlannedDeployment> planned = options.plan(blueprints, file, err);
      if (planned.isEmpty()) {
        valid = false;
        continue;
      }
      Topology topology = planned.get().topology();
      Path first = names.putIfAbsent(topology.name(), file);
      if (first != null) {
        err.printf("%s: name: \"%s\" is already the name of %s (deployment names must differ: they prefix stack names)%n",
            file.toString().replace('\\', '/'), topology.name(), first.toString().replace('\\', '/'));
        valid = false;
        continue;
      }
      topologies.add(topology);
    }
    return valid ? Optional.of(topologies) : Optional.empty();
  }
}
