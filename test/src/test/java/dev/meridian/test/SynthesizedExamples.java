package dev.meridian.test;

import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.Engine;
import dev.meridian.stacks.Synthesis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * Every example synthesized once per test JVM with both engines, shared by the end-to-end test
 * classes: one jsii runtime, one synth.
 */
final class SynthesizedExamples {

  private static SynthesizedExamples instance;

  final List<Topology> topologies;
  final Path work;
  final Path out;

  private SynthesizedExamples() {
    try {
      this.work = Files.createTempDirectory("meridian-e2e-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.topologies = Examples.topologies();
    this.out = work.resolve("out");
    Synthesis.run(topologies, EnumSet.allOf(Engine.class), out);
  }

  /** The shared synth of every example, made on first use. */
  static synchronized SynthesizedExamples get() {
    if (instance == null) {
      instance = new SynthesizedExamples();
    }
    return instance;
  }
}
