package dev.meridian.stacks.terraform;

import dev.meridian.stacks.StackPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code meridian deploy --engine terraform} runs: for each stack, in the deploy order of
 * {@link dev.meridian.stacks.StackLayout} (hub or primary, other sites, the global DNS stack
 * last), {@code init}, {@code plan} into a plan file, and {@code apply} of exactly that plan, in
 * the stack's folder of the cdktf.out. The binary is {@code terraform} or {@code tofu}.
 *
 * @param binary the Terraform-compatible CLI to run, e.g. {@code terraform} (default) or {@code tofu}
 */
public record TerraformDeployPlan(String binary) {

  /** The plan file each stack's {@code plan} writes and its {@code apply} reads. */
  public static final String PLAN_FILE = "tfplan";

  public TerraformDeployPlan {
    if (binary == null || binary.isBlank()) {
      throw new IllegalArgumentException("binary: missing; use terraform or tofu");
    }
  }

  /** The plan with {@code terraform}. */
  public static TerraformDeployPlan terraform() {
    return new TerraformDeployPlan("terraform");
  }

  /**
   * The commands, in order, for the stacks of a cdktf.out.
   *
   * @param stacks    the stacks, in deploy order ({@code StackLayout.of(topology)})
   * @param terraformDir the cdktf.out folder, {@code OUT/terraform}
   */
  public List<Command> commands(List<StackPlan> stacks, Path terraformDir) {
    List<Command> commands = new ArrayList<>();
    for (StackPlan stack : stacks) {
      String chdir = "-chdir=" + terraformDir.resolve("stacks").resolve(stack.name()).toString().replace('\\', '/');
      commands.add(new Command(stack.name(), List.of(binary, chdir, "init", "-input=false")));
      commands.add(new Command(stack.name(), List.of(binary, chdir, "plan", "-input=false", "-out=" + PLAN_FILE)));
      commands.add(new Command(stack.name(), List.of(binary, chdir, "apply", "-input=false", PLAN_FILE)));
    }
    return List.copyOf(commands);
  }

  /**
   * One command of a deploy.
   *
   * @param stack the stack it acts on
   * @param argv  the program and its arguments
   */
  public record Command(String stack, List<String> argv) {
    public Command {
      argv = List.copyOf(argv);
    }

    /** The command as one shell line, for {@code --dry-run}. */
    public String line() {
      return String.join(" ", argv);
    }
  }
}
