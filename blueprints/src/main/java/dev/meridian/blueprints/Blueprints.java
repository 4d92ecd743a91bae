package dev.meridian.blueprints;

import dev.meridian.blueprints.patterns.Pattern;
import dev.meridian.blueprints.plan.ResidencyCheck;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.LoadedSpec;
import dev.meridian.blueprints.spec.Problem;
import dev.meridian.blueprints.spec.SpecException;
import dev.meridian.blueprints.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The blueprints pipeline in one call: load a spec file, validate it, plan it with its pattern
 * and check residency on the plan. What {@code meridian validate}, {@code plan} and {@code synth}
 * all start with; plain Java, no jsii.
 */
public final class Blueprints {

  private final SpecLoader loader;

  /** A pipeline whose Jsonnet imports resolve in {@code jsonnetPath} (e.g. the repo's {@code jsonnet/}). */
  public Blueprints(List<Path> jsonnetPath) {
    this.loader = new SpecLoader(jsonnetPath);
  }

  /**
   * The planned deployment of a spec file.
   *
   * @throws SpecException with every error (and the warnings found so far) when the spec cannot
   *     be loaded, is invalid, or moves user data across a border it does not allow
   */
  public PlannedDeployment plan(Path spec) throws SpecException {
    LoadedSpec loaded = loader.load(spec);
    Deployment deployment = loaded.deployment();
    Topology topology = Pattern.of(deployment).plan(deployment);
    List<Problem> problems = new ArrayList<>(loaded.warnings());
    problems.addAll(topology.warnings());
    List<Problem> residency = ResidencyCheck.problems(topology);
    if (!residency.isEmpty()) {
      problems.addAll(residency);
      throw new SpecException(problems);
    }
    return new PlannedDeployment(topology, problems);
  }

  /**
   * A valid spec's plan and the warnings met on the way.
   *
   * @param topology the plan
   * @param warnings non-fatal problems, to print before any output
   */
  public record PlannedDeployment(Topology topology, List<Problem> warnings) {
    public PlannedDeployment {
      warnings = List.copyOf(warnings);
    }
  }
}
