package dev.meridian.stacks.cdk;

import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.StackLayout;
import dev.meridian.stacks.StackPlan;
import dev.meridian.stacks.SynthesisFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.MetadataEntryResult;

/**
 * Renders Topologies into one AWS CDK app and writes its cloud assembly: per deployment a stack
 * per AWS site and a global DNS stack (see {@link StackLayout}), tagged, checked by cdk-nag, and
 * deterministic — no version reporting, no construct-path metadata, no tree metadata, no stack
 * traces, so the same specs give the same bytes.
 */
public final class CdkSynthesizer {

  /** The cloud assembly metadata type of error annotations (cdk-nag findings among them). */
  private static final String ERROR_METADATA = "aws:cdk:error";

  private CdkSynthesizer() {}

  /**
   * Synthesizes the deployments into a cloud assembly at {@code outDir}.
   *
   * @throws SynthesisFailure when any construct reported an error (e.g. an unaccepted cdk-nag finding)
   */
  public static void synth(List<Topology> topologies, Path outDir) {
    App app = new App(AppProps.builder()
        .outdir(outDir.toString())
        .analyticsReporting(false)
        .treeMetadata(false)
        .stackTraces(false)
        .context(deterministicContext())
        .build());
    addTo(app, topologies);
    requireNoErrors(app.synth());
  }

  /** Fails with one line per error annotation ({@code stack: construct path: message}) in the assembly. */
  static void requireNoErrors(CloudAssembly assembly) {
    List<String> errors = new ArrayList<>();
    for (CloudFormationStackArtifact stack : assembly.getStacks()) {
      for (MetadataEntryResult error : stack.findMetadataByType(ERROR_METADATA)) {
        errors.add(stack.getStackName() + ": " + error.getPath() + ": " + error.getData());
      }
    }
    if (!errors.isEmpty()) {
      throw new SynthesisFailure(errors);
    }
  }

  /**
   * Adds the deployments' stacks to an app someone else made — e.g. the one the {@code cdk} CLI
   * runs through {@code cdk.json}, whose output folder and context come from the CLI.
   */
  public static void addTo(App app, List<Topology> topologies) {
    for (Topology topology : topologies) {
      for (StackPlan plan : StackLayout.of(topology)) {
        Stack stack = plan.isDns() ? new DnsStack(app, topology, plan) : new SiteStack(app, topology, plan);
        MeridianStacks.finish(stack, topology, plan);
      }
    }
    CdkNagChecks.applyTo(app);
  }

  /** Context that keeps the assembly free of noise that changes between runs or machines. */
  public static Map<String, Object> deterministicContext() {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("aws:cdk:enable-path-metadata", false);
    context.put("aws:cdk:enable-asset-metadata", false);
    context.put("aws:cdk:disable-stack-trace", true);
    context.put("aws:cdk:version-reporting", false);
    return context;
  }
}
