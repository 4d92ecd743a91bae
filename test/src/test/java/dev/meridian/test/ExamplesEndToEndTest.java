package dev.meridian.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.blueprints.plan.Topology;
import dev.meridian.review.verify.Verifier;
import dev.meridian.stacks.Engine;
import dev.meridian.stacks.StackLayout;
import dev.meridian.stacks.StackPlan;
import dev.meridian.stacks.Synthesis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every example, end to end: planned, synthesized with every engine in one run (one jsii
 * runtime for the whole class), then read back by review and by the real engine CLIs.
 */
class ExamplesEndToEndTest {

  static List<Topology> topologies;
  static Path work;
  static Path out;

  @BeforeAll
  static void synthesizeEveryExampleOnce() {
    SynthesizedExamples synthesized = SynthesizedExamples.get();
    topologies = synthesized.topologies;
    work = synthesized.work;
    out = synthesized.out;
  }

  @Test
  void everyAwsSiteAndEveryDeploymentsDnsGetAStackInBothEngines() {
    for (Topology topology : topologies) {
      for (StackPlan stack : StackLayout.of(topology)) {
        assertThat(out.resolve("cdk").resolve(stack.name() + ".template.json")).as(stack.name()).isRegularFile();
        assertThat(out.resolve("terraform/stacks").resolve(stack.name()).resolve("cdk.tf.json")).as(stack.name()).isRegularFile();
      }
    }
  }

  @Test
  void theSameSpecsGiveTheSameBytes() throws IOException {
    Path again = work.resolve("again");
    Synthesis.run(topologies, EnumSet.allOf(Engine.class), again);
    List<Path> first = files(out);
    assertThat(files(again)).isEqualTo(first);
    for (Path relative : first) {
      assertThat(Files.readAllBytes(again.resolve(relative))).as(relative.toString())
          .isEqualTo(Files.readAllBytes(out.resolve(relative)));
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void verifyFindsNoResidencyOrPolicyProblemInAnyExample() throws Exception {
    var report = Verifier.verify(out);
    assertThat(report.findings()).as(report.text()).isEmpty();
  }

  @Test
  void theRealCdkCliListsEveryStackOfTheAssembly() throws IOException, InterruptedException {
    Path cdk = Examples.ROOT.resolve("node_modules/.bin/cdk");
    assertThat(cdk).as("run npm ci first (the README's test command does)").isExecutable();
    Process process = new ProcessBuilder(cdk.toString(), "ls", "--app", out.resolve("cdk").toString())
        .directory(work.toFile())
        .redirectErrorStream(true)
        .start();
    String listing = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(listing).isZero();
    for (Topology topology : topologies) {
      StackLayout.of(topology).forEach(stack -> assertThat(listing).contains(stack.name()));
    }
  }

  @Test
  void noSynthesizedFileHoldsAnAbsolutePathOrATimestamp() throws IOException {
    try (var files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file);
        assertThat(text).as(file.toString()).doesNotContain(work.toString()).doesNotContain(Examples.ROOT.toString());
        assertThat(text).as(file.toString()).doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
      }
    }
  }
}
