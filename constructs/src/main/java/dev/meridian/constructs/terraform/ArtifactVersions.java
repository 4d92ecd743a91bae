package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameterConfig;
import dev.meridian.constructs.config.ArtifactVersionParameters;
import dev.meridian.constructs.config.ArtifactVersionsProps;
import dev.meridian.constructs.config.ArtifactVersionsPropsBuilder;
import dev.meridian.constructs.config.PinnedVersion;
import java.util.List;
import software.constructs.Construct;

/**
 * The deployment's pinned artifact versions in one region, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.ArtifactVersions}. Three {@code aws_ssm_parameter}s named by
 * {@link ArtifactVersionParameters} — model, prompt and config version — with the same values in
 * every region; the GPU fleet reads the model version at boot
 * ({@code GpuFleet.Builder.modelVersion(versions.modelVersion())}), so a roll-out is a parameter
 * change plus an instance refresh, in both engines.
 *
 * <p>Props — all required: {@code deployment}, {@code modelVersion}, {@code promptVersion},
 * {@code configVersion}.
 */
public final class ArtifactVersions extends Construct {

  private final ArtifactVersionParameters names;
  private final List<SsmParameter> parameters;

  private ArtifactVersions(Construct scope, String id, Builder builder) {
    super(scope, id);
    ArtifactVersionsProps props = builder.props();
    this.names = props.names();
    this.parameters = List.of(
        parameter("ModelVersion", names.model(), "modelVersion", props.modelVersion()),
        parameter("PromptVersion", names.prompt(), "promptVersion", props.promptVersion()),
        parameter("ConfigVersion", names.config(), "configVersion", props.configVersion()));
  }

  private SsmParameter parameter(String id, String name, String field, String version) {
    return new SsmParameter(this, id, SsmParameterConfig.builder()
        .name(name)
        .description("Pinned " + field + " of the deployment's artifacts")
        .type("String")
        .value(version)
        .build());
  }

  /** The model version as the GPU fleet reads it at boot. */
  public PinnedVersion modelVersion() {
    return names.modelVersion();
  }

  /** The three parameters: model, prompt, config (e.g. for a group that must wait for them). */
  public List<SsmParameter> getParameters() {
    return parameters;
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
