package dev.meridian.test;

import dev.meridian.blueprints.Blueprints;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's example specs and their plans, as the end-to-end tests use them. */
final class Examples {

  /** The repository root (tests run in {@code test/}). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private Examples() {}

  /** Every spec in {@code examples/}, sorted by file name. */
  static List<Path> specs() {
    try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
      return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonnet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plan of every example. */
  static List<Topology> topologies() {
    Blueprints blueprints = new Blueprints(List.of(ROOT.resolve("jsonnet")));
    return specs().stream().map(spec -> {
      try {
        return blueprints.plan(spec).topology();
      } catch (SpecException e) {
        throw new AssertionError("example " + spec + " is invalid: " + e.problems(), e);
      }
    }).toList();
  }
}
