package dev.meridian.stacks.cdk;

import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.constructs.config.TagKeys;
import dev.meridian.stacks.StackMetadata;
import dev.meridian.stacks.StackPlan;
import java.util.Optional;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * What every Meridian CDK stack shares: its environment and description, the placement record in
 * the template's {@code Metadata.Meridian}, and the deployment / site / jurisdiction tags on every
 * taggable resource (docs/output.md).
 */
final class MeridianStacks {

  private MeridianStacks() {}

  /** Stack props for a planned stack: its name, region and (when the spec pins one) account. */
  static StackProps props(Topology topology, StackPlan plan) {
    Environment.Builder env = Environment.builder().region(plan.awsRegion());
    plan.account().ifPresent(env::account);
    return StackProps.builder()
        .stackName(plan.name())
        .env(env.build())
        .description(plan.site()
            .map(site -> String.format("Meridian %s: site %s (%s, %s, %s)", topology.name(), site.name(),
                site.role().specName(), site.jurisdiction(), topology.deployment().pattern().specName()))
            .orElse(String.format("Meridian %s: global DNS (%s)", topology.name(),
                topology.deployment().pattern().specName())))
        .build();
  }

  /** Adds the placement record and the tags, once the stack's resources exist. */
  static void finish(Stack stack, Topology topology, StackPlan plan) {
    // jsii drops null map values: a global stack's record has no "site" and "jurisdiction" keys.
    stack.addMetadata(StackMetadata.CFN_KEY, StackMetadata.of(topology, plan));
    Tags.of(stack).add(TagKeys.DEPLOYMENT, topology.name());
    Tags.of(stack).add(TagKeys.SITE, plan.site().map(Site::name).orElse("global"));
    Optional<String> jurisdiction = plan.site().map(Site::jurisdiction);
    Tags.of(stack).add(TagKeys.JURISDICTION, jurisdiction.orElse("global"));
  }
}
