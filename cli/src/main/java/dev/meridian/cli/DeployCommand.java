package dev.meridian.cli;

import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.Engine;
import dev.meridian.stacks.StackLayout;
import dev.meridian.stacks.StackPlan;
import dev.meridian.stacks.Synthesis;
import dev.meridian.stacks.cdk.CdkDeployPlan;
import dev.meridian.stacks.terraform.TerraformBackend;
import dev.meridian.stacks.terraform.TerraformDeployPlan;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
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
 * {@code meridian deploy SPEC --engine cdk|terraform [--dry-run]}: synthesizes the spec, then runs
 * the real engine once per stack in a safe order — the hub or primary first, the other sites, the
 * global DNS stack last ({@link StackLayout}) — stopping at the first failure and returning the
 * engine's exit code. {@code --dry-run} prints the exact commands instead.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = {"Synthesize a spec and deploy it with the real engine, stack by stack, in a safe order.",
        "Exit: the engine's (0 when every stack deployed), 2 for an invalid spec."})
final class DeployCommand implements Callable<Integer> {

  /** The --engine choices. */
  enum EngineChoice { cdk, terraform }

  @Mixin private SpecOptions options;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file.")
  private Path specFile;

  @Option(names = "--engine", required = true, paramLabel = "ENGINE", description = "cdk or terraform.")
  private EngineChoice engine;

  @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Synth output folder (default: out).")
  private Path out;

  @Option(names = "--dry-run", description = "Print the commands; run nothing.")
  private boolean dryRun;

  @Option(names = "--require-approval", defaultValue = "broadening", paramLabel = "LEVEL",
      description = "cdk only, passed through: never, any-change or broadening (default).")
  private String requireApproval;

  @Option(names = "--terraform-binary", defaultValue = "terraform", paramLabel = "NAME",
      description = "terraform only: the binary to run, terraform (default) or tofu.")
  private String terraformBinary;

  @Option(names = "--terraform-state", defaultValue = "terraform-state", paramLabel = "WHERE",
      converter = TerraformStateOption.class,
      description = "terraform only: a local state folder (default: terraform-state) or s3://BUCKET/PREFIX?region=REGION&lock=TABLE.")
  private TerraformBackend terraformState;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!List.of("never", "any-change", "broadening").contains(requireApproval)) {
      err.println("deploy: --require-approval: \"" + requireApproval + "\" is not one of never, any-change, broadening");
      return 2;
    }
    Optional<List<Topology>> planned = SynthCommand.planAll(options, List.of(specFile), err);
    if (planned.isEmpty()) {
      return 2;
    }
    Topology topology = planned.get().get(0);
    Engine chosen = engine == EngineChoice.cdk ? Engine.CDK : Engine.TERRAFORM;
    Synthesis.run(planned.get(), EnumSet.of(chosen), this.out, terraformState);
    List<StackPlan> stacks = StackLayout.of(topology);
    Path home = Path.of(System.getProperty("meridian.home", "."));
    List<List<String>> commands = chosen == Engine.CDK
        ? CdkDeployPlan.commands(stacks, this.out.resolve(chosen.folder()), cdkBinary(home), requireApproval)
        : new TerraformDeployPlan(terraformBinary).commands(stacks, this.out.resolve(chosen.folder())).stream()
            .map(TerraformDeployPlan.Command::argv).toList();
    for (List<String> command : commands) {
      out.println(String.join(" ", command));
      out.flush();
      if (dryRun) {
        continue;
      }
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        err.println("deploy: stopped: " + String.join(" ", command) + " exited " + exit);
        return exit;
      }
    }
    return 0;
  }

  /** The project's pinned cdk CLI when installed (npm ci), else cdk on the PATH. */
  private static String cdkBinary(Path home) {
    Path local = home.resolve("node_modules/.bin/cdk");
    return Files.isExecutable(local) ? local.toString() : "cdk";
  }
}
