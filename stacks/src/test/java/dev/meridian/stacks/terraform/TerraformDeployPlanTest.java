package dev.meridian.stacks.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.stacks.StackPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerraformDeployPlanTest {

  private static final List<StackPlan> STACKS = List.of(
      new StackPlan("chat-uk", Optional.empty(), "eu-west-2", Optional.empty()),
      new StackPlan("chat-dns", Optional.empty(), "us-east-1", Optional.empty()));

  @Test
  void eachStackIsInitializedPlannedAndAppliedFromItsPlanFileInOrder() {
    List<String> lines = TerraformDeployPlan.terraform().commands(STACKS, Path.of("out/terraform")).stream()
        .map(TerraformDeployPlan.Command::line).toList();
    assertThat(lines).containsExactly(
        "terraform -chdir=out/terraform/stacks/chat-uk init -input=false",
        "terraform -chdir=out/terraform/stacks/chat-uk plan -input=false -out=tfplan",
        "terraform -chdir=out/terraform/stacks/chat-uk apply -input=false tfplan",
        "terraform -chdir=out/terraform/stacks/chat-dns init -input=false",
        "terraform -chdir=out/terraform/stacks/chat-dns plan -input=false -out=tfplan",
        "terraform -chdir=out/terraform/stacks/chat-dns apply -input=false tfplan");
  }

  @Test
  void openTofuRunsTheSameCommands() {
    assertThat(new TerraformDeployPlan("tofu").commands(STACKS, Path.of("out/terraform")))
        .allSatisfy(c -> assertThat(c.argv().get(0)).isEqualTo("tofu"));
  }

  @Test
  void blankBinaryIsRejected() {
    assertThatThrownBy(() -> new TerraformDeployPlan(" ")).hasMessageContaining("binary");
  }
}
