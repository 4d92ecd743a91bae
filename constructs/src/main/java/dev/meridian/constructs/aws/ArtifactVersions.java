package dev.meridian.constructs.aws;

import dev.meridian.constructs.config.ArtifactVersionParameters;
import dev.meridian.constructs.config.ArtifactVersionsProps;
import dev.meridian.constructs.config.ArtifactVersionsPropsBuilder;
import dev.meridian.constructs.config.PinnedVersion;
import java.util.List;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The deployment's pinned artifact versions in one region — model, prompt and config version —
 * as SSM parameters named by {@link ArtifactVersionParameters}. Put one in every region with
 * the same values: the GPU fleet reads the model version at boot
 * ({@code GpuFleet.Builder.modelVersion(versions.modelVersion())}), so every region serves the
 * same versions, and a roll-out is a parameter change plus an instance refresh.
 *
 * <p>Props — all required: {@code deployment}, {@code modelVersion}, {@code promptVersion},
 * {@code configVersion}.
 */
public final class ArtifactVersions extends Construct {

  private final ArtifactVersionParameters names;
  private final StringParameter model;
  private final StringParameter prompt;
  private final StringParameter config;

  private ArtifactVersions(Construct scope, String id, Builder builder) {
    super(scope, id);
    ArtifactVersionsProps props = builder.props();
    this.names = props.names();
    this.model = parameter("ModelVersion", names.model(), "modelVersion", props.modelVersion());
    this.prompt = parameter("PromptVersion", names.prompt(), "promptVersion", props.promptVersion());
    this.config = parameter("ConfigVersion", names.config(), "configVersion", props.configVersion());
  }

  private StringParameter parameter(String id, String name, String field, String version) {
    return StringParameter.Builder.create(this, id)
        .parameterName(name)
        .description("Pinned " + field + " of the deployment's artifacts")
        .stringValue(version)
        .build();
  }

  /** The names of the three parameters: model, prompt, config. */
  public List<String> versionParameterNames() {
    return names.all();
  }

  /** The model version as the GPU fleet reads it at boot. */
  public PinnedVersion modelVersion() {
    return names.modelVersion();
  }

  /** Lets a principal read the three parameters. */
  public void grantRead(IGrantable grantee) {
    model.grantRead(grantee);
    prompt.grantRead(grantee);
    config.grantRead(grantee);
  }

  /** The model version parameter. */
  public StringParameter getModelVersionParameter() {
    return model;
  }

  /** The prompt version parameter. */
  public StringParameter getPromptVersionParameter() {
    return prompt;
  }

  /** The config version parameter. */
  public StringParameter getConfigVersionParameter() {
    return config;
  }

  /** Builds {@link ArtifactVersions}; the props setters are {@link ArtifactVersionsPropsBuilder}'s. */
  public static final class Builder extends ArtifactVersionsPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts the versions {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The versions. */
    public ArtifactVersions build() {
      return new ArtifactVersions(scope, id, this);
    }
  }
}
