package dev.meridian.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.OutputReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two engines render the same Topology: every example synthesized with both, read back by
 * review, and compared through one engine-neutral view. A difference fails with the lines only
 * one engine has.
 */
class EngineParityTest {

  static Inventory inventory;

  @BeforeAll
  static void readTheSharedSynthOfEveryExample() throws Exception {
    inventory = OutputReader.read(SynthesizedExamples.get().out);
  }

  @Test
  void cloudFormationAndTerraformDescribeTheSameDeployments() {
    List<String> cdk = NeutralView.of(inventory, Engine.CLOUDFORMATION);
    List<String> terraform = NeutralView.of(inventory, Engine.TERRAFORM);
    List<String> onlyCdk = new ArrayList<>(cdk);
    onlyCdk.removeAll(terraform);
    List<String> onlyTerraform = new ArrayList<>(terraform);
    onlyTerraform.removeAll(cdk);
    assertThat(onlyCdk).as("only in CloudFormation:%n  %s%nonly in Terraform:%n  %s",
        String.join("\n  ", onlyCdk), String.join("\n  ", onlyTerraform)).isEmpty();
    assertThat(onlyTerraform).as("only in Terraform:%n  %s", String.join("\n  ", onlyTerraform)).isEmpty();
    assertThat(cdk).as("the view has content").anyMatch(line -> line.startsWith("record "))
        .anyMatch(line -> line.startsWith("schedule ") && line.contains(" eval "))
        .anyMatch(line -> line.startsWith("schedule ") && line.endsWith(" drill"))
        .anyMatch(line -> line.startsWith("drill "))
        .anyMatch(line -> line.startsWith("gateway "))
        .anyMatch(line -> line.startsWith("standby activation "))
        .anyMatch(line -> line.startsWith("event rule ") && line.contains(" Relay "));
  }
}
