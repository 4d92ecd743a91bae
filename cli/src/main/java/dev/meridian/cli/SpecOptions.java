package dev.meridian.cli;

import dev.meridian.blueprints.Blueprints;
import dev.meridian.blueprints.Blueprints.PlannedDeployment;
import dev.meridian.blueprints.spec.Problem;
import dev.meridian.blueprints.spec.SpecException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options every spec-reading command shares: where Jsonnet imports resolve. The default import
 * path is the {@code jsonnet/} folder of the Meridian installation ({@code meridian.home}, set by
 * the {@code ./meridian} launcher), then {@code ./jsonnet} if it exists.
 */
final class SpecOptions {

  @Option(names = {"-J", "--jpath"}, paramLabel = "DIR",
      description = "Add a Jsonnet import folder (repeatable); meridian.libsonnet's folder is always included.")
  private List<Path> jpath = new ArrayList<>();

  Blueprints blueprints() {
    List<Path> path = new ArrayList<>(jpath);
    Optional.ofNullable(System.getProperty("meridian.home"))
        .map(home -> Path.of(home, "jsonnet"))
        .ifPresent(path::add);
    Path local = Path.of("jsonnet");
    if (Files.isDirectory(local) && !path.contains(local)) {
      path.add(local);
    }
    return new Blueprints(path);
  }

  /** Plans one spec, printing its warnings; on invalid input prints every problem and returns empty. */
  Optional<PlannedDeployment> plan(Blueprints blueprints, Path spec, PrintWriter err) {
    try {
      PlannedDeployment planned = blueprints.plan(spec);
      planned.warnings().forEach(w -> err.println(w.render()));
      return Optional.of(planned);
    } catch (SpecException e) {
      e.problems().stream().map(Problem::render).forEach(err::println);
      return Optional.empty();
    }
  }
}
