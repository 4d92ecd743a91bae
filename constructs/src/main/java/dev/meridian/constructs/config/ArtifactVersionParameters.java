package dev.meridian.constructs.config;

import java.util.List;

/**
 * The names of the SSM parameters that pin a deployment's artifact versions in every region:
 * {@code /meridian/<deployment>/artifacts/model-version}, {@code …/prompt-version} and
 * {@code …/config-version}. Each region holds its own copy with the same names and values, so
 * hosts read them in their own region at boot and every region serves the same versions.
 *
 * @param deployment the deployment's name, e.g. {@code chat}: lower-case letters, digits, '-'
 */
public record ArtifactVersionParameters(String deployment) {

  public ArtifactVersionParameters {
    if (deployment == null || !deployment.matches("[a-z][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException("deployment: '" + deployment
          + "' must be lower-case letters, digits or '-', starting with a letter");
    }
  }

  /** The parameter pinning the model version. */
  public String model() {
    return prefix() + "model-version";
  }

  /** The parameter pinning the prompt version. */
  public String prompt() {
    return prefix() + "prompt-version";
  }

  /** The parameter pinning the config version. */
  public String config() {
    return prefix() + "config-version";
  }

  /** All three names: model, prompt, config. */
  public List<String> all() {
    return List.of(model(), prompt(), config());
  }

  /** The model version as a host reads it at boot. */
  public PinnedVersion modelVersion() {
    return PinnedVersion.fromParameter(model());
  }

  private String prefix() {
    return "/meridian/" + deployment + "/artifacts/";
  }
}
