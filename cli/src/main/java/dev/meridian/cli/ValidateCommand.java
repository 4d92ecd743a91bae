package dev.meridian.cli;

import dev.meridian.blueprints.Blueprints;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meridian validate SPEC…}: load and check specs, every problem on its own line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Load and check specs (Jsonnet or JSON), including residency on their plan.",
        "Prints every problem as FILE[:LINE]: field: problem (hint). Exit 0 valid, 2 invalid."})
final class ValidateCommand implements Callable<Integer> {

  @Mixin private SpecOptions options;

  @Parameters(arity = "1..*", paramLabel = "SPEC", description = "Spec files (.jsonnet or .json).")
  private List<Path> specs;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    Blueprints blueprints = options.blueprints();
    boolean allValid = true;
    for (Path file : specs) {
      var planned = options.plan(blueprints, file, spec.commandLine().getErr());
      if (planned.isPresent()) {
        var topology = planned.get().topology();
        int sites = topology.sites().size();
        spec.commandLine().getOut().printf("%s: valid (%s, %d site%s)%n",
            file.toString().replace('\\', '/'), topology.deployment().pattern().specName(), sites, sites == 1 ? "" : "s");
      } else {
        allValid = false;
      }
    }
    return allValid ? 0 : 2;
  }
}
