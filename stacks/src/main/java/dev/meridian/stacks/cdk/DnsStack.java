package dev.meridian.stacks.cdk;

import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.StackPlan;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/** WIP. */
final class DnsStack extends Stack {
  DnsStack(Construct scope, Topology topology, StackPlan plan) {
    super(scope, plan.name(), MeridianStacks.props(topology, plan));
    new software.amazon.awscdk.CfnWaitConditionHandle(this, "Wip");
  }
}
