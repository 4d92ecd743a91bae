package dev.meridian.stacks.terraform;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.StackLayout;
import dev.meridian.stacks.StackPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Terraform engine: renders Topologies into a cdktf.out ({@code manifest.json},
 * {@code stacks/<stack>/cdk.tf.json}) — per deployment one stack per AWS site and the global DNS
 * stack, each with its own state in the chosen {@link TerraformBackend}, the AWS provider pinned by
 * the prebuilt bindings ({@code hashicorp/aws} 5.23.1 for cdktf-provider-aws 18.0.3), placement
 * tags as provider {@code default_tags}, and {@code locals.meridian}. Several deployments share
 * one App; jsii starts once per process. Same Topologies, same backend → same bytes.
 *
 * @param backend where each stack keeps its state; default {@link TerraformBackend#local()}
 */
public record TerraformSynthesizer(TerraformBackend backend) {

  public TerraformSynthesizer {
    if (backend == null) {
      throw new IllegalArgumentException("backend: missing; use TerraformBackend.local() or a TerraformBackend.S3");
    }
  }

  /** The synthesizer with local state files in {@code terraform-state/}. */
  public static TerraformSynthesizer withLocalState() {
    return new TerraformSynthesizer(TerraformBackend.local());
  }

  /** Writes a cdktf.out of the deployments into {@code outDir} (created if needed). */
  public void synth(List<Topology> topologies, Path outDir) {
    App app = new App(AppConfig.builder().outdir(outDir.toString()).stackTraces(false).build());
    // outDir is OUT/terraform; a stack runs in OUT/terraform/stacks/<stack>, four levels below
    // the folder holding OUT, where relative state folders are taken from.
    addStacks(app, topologies, 4);
    app.synth();
  }

  /**
   * Adds the deployments' stacks to an App (e.g. the one {@code cdktf synth} runs, whose outdir
   * is {@code cdktf.out}), without synthesizing it; relative state folders are taken from the
   * folder holding the App's outdir.
   */
  public void synthInto(App app, List<Topology> topologies) {
    addStacks(app, topologies, 3);
  }

  private void addStacks(App app, List<Topology> topologies, int levelsToStateBase) {
    for (Topology topology : topologies) {
      List<SiteStack> sites = new ArrayList<>();
      for (StackPlan plan : StackLayout.of(topology)) {
        if (plan.isDns()) {
          DnsStack dns = new DnsStack(app, topology, plan, backend, levelsToStateBase);
          sites.forEach(dns::addDependency);
        } else {
          sites.add(new SiteStack(app, topology, plan, backend, levelsToStateBase));
        }
      }
    }
  }
}
