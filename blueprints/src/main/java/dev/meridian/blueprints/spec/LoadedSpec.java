package dev.meridian.blueprints.spec;

import java.util.List;

/**
 * A spec that loaded and validated: the deployment, and the warnings worth showing the user
 * (e.g. a GPU type a region does not offer). Errors never get this far: they raise
 * {@link SpecException}.
 *
 * @param deployment the validated deployment, every default applied
 * @param warnings   warnings, sorted by line, then field; empty when there are none
 */
public record LoadedSpec(Deployment deployment, List<Problem> warnings) {

  public LoadedSpec {
    warnings = List.copyOf(warnings);
  }
}
