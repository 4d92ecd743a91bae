package dev.meridian.constructs.config;

/**
 * The props setters both engines' {@code ArtifactVersions.Builder}s share; each engine adds
 * {@code create} and {@code build}. {@code B} is the engine's builder, returned by every setter.
 */
public abstract class ArtifactVersionsPropsBuilder<B extends ArtifactVersionsPropsBuilder<B>> {

  private String deployment;
  private String modelVersion;
  private String promptVersion;
  private String configVersion;

  /** This builder, as its engine's type. */
  protected abstract B self();

  /** The deployment's name, e.g. {@code chat}. Required. */
  public B deployment(String deployment) {
    this.deployment = deployment;
    return self();
  }

  /** The model version, e.g. {@code 2025-06-01}. Required. */
  public B modelVersion(String modelVersion) {
    this.modelVersion = modelVersion;
    return self();
  }

  /** The prompt version, e.g. {@code v12}. Required. */
  public B promptVersion(String promptVersion) {
    this.promptVersion = promptVersion;
    return self();
  }

  /** The config version, e.g. {@code c7}. Required. */
  public B configVersion(String configVersion) {
    this.configVersion = configVersion;
    return self();
  }

  /** The props set so far, checked. */
  public ArtifactVersionsProps props() {
    if (deployment == null) {
      throw new IllegalArgumentException("deployment: missing; pass the deployment's name, e.g. chat");
    }
    return new ArtifactVersionsProps(new ArtifactVersionParameters(deployment), modelVersion, promptVersion, configVersion);
  }
}
