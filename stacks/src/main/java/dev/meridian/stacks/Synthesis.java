package dev.meridian.stacks;

import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.cdk.CdkSynthesizer;
import dev.meridian.stacks.terraform.TerraformBackend;
import dev.meridian.stacks.terraform.TerraformSynthesizer;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One synth run: every deployment, every chosen engine, into one output folder that is replaced
 * only when the whole run succeeds ({@link OutputDirectory}). jsii starts once per process, on the
 * first engine's first stack, and serves every engine and deployment after it.
 */
public final class Synthesis {

  private Synthesis() {}

  /** Synthesizes the deployments with the engines into {@code out}, Terraform state kept locally. */
  public static void run(List<Topology> topologies, Set<Engine> engines, Path out) {
    run(topologies, engines, out, TerraformBackend.local());
  }

  /**
   * Synthesizes the deployments with the engines into {@code out} ({@code out/cdk},
   * {@code out/terraform}); Terraform stacks keep their state in {@code backend}.
   */
  public static void run(List<Topology> topologies, Set<Engine> engines, Path out, TerraformBackend backend) {
    try (OutputDirectory output = OutputDirectory.open(out)) {
      for (Engine engine : Engine.values()) {
        if (!engines.contains(engine)) {
          continue;
        }
        Path folder = output.staging().resolve(engine.folder());
        switch (engine) {
          case CDK -> CdkSynthesizer.synth(topologies, folder);
          case TERRAFORM -> new TerraformSynthesizer(backend).synth(topologies, folder);
        }
      }
      output.commit();
    }
  }
}
