package dev.meridian.stacks.cdk;

import dev.meridian.stacks.StackPlan;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code cdk deploy} commands of a deployment, one per stack in {@link
 * dev.meridian.stacks.StackLayout}'s safe order, each deploying exactly that stack from the
 * synthesized cloud assembly (no re-synthesis, no dependency stacks pulled in).
 */
public final class CdkDeployPlan {

  private CdkDeployPlan() {}

  /** The commands, in order; {@code requireApproval} is passed through to the CLI. */
  public static List<List<String>> commands(List<StackPlan> stacks, Path assembly, String cdkBinary, String requireApproval) {
    return stacks.stream()
        .map(stack -> List.of(cdkBinary, "deploy", "--app", assembly.toString(), "--exclusively",
            "--require-approval", requireApproval, stack.name()))
        .toList();
  }
}
