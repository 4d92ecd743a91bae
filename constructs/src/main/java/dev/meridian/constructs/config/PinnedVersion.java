package dev.meridian.constructs.config;

import java.util.Optional;

/**
 * A version pinned for a deployment, e.g. of the model artifact: either written into the
 * infrastructure ({@code PinnedVersion.of("2025-06-01")}) or read at boot from an SSM
 * parameter ({@code PinnedVersion.fromParameter("/meridian/chat/model-version")}), so a new
 * version rolls out by updating the parameter and replacing instances, without a deploy.
 */
public sealed interface PinnedVersion {

  /** A version written into the infrastructure. */
  static PinnedVersion of(String version) {
    return new Fixed(version);
  }

  /** A version read at boot from the SSM parameter of this name (starting with '/'). */
  static PinnedVersion fromParameter(String parameterName) {
    return new FromParameter(parameterName);
  }

  /**
   * The version as a shell word for a boot script: the quoted value, or the command that reads
   * the parameter in the host's region (the script sets {@code REGION}).
   */
  String shellValue();

  /** The SSM parameter the version is read from, if any (the host needs read access to it). */
  Optional<String> ssmParameter();

  /** A version written into the infrastructure: one path segment, e.g. {@code 2025-06-01}. */
  record Fixed(String version) implements PinnedVersion {
    public Fixed {
      if (version == null || version.isBlank() || version.contains("/") || version.equals(".")
          || version.equals("..")) {
        throw new IllegalArgumentException("version: '" + version
            + "' is not a version; use one non-empty path segment without '/', e.g. 2025-06-01");
      }
    }

    @Override
    public String shellValue() {
      return ShellQuoting.quote(version);
    }

    @Override
    public Optional<String> ssmParameter() {
      return Optional.empty();
    }
  }

  /** A version read at boot from an SSM parameter, e.g. {@code /meridian/chat/model-version}. */
  record FromParameter(String parameterName) implements PinnedVersion {
    public FromParameter {
      if (parameterName == null || !parameterName.matches("/[A-Za-z0-9_.\\-/]{1,1010}")) {
        throw new IllegalArgumentException("parameterName: '" + parameterName
            + "' is not an SSM parameter path; use a name starting with '/' of letters, digits, '_', '.', '-', '/'");
      }
    }

    @Override
    public String shellValue() {
      return "\"$(aws ssm get-parameter --region \"$REGION\" --name " + ShellQuoting.quote(parameterName)
          + " --query Parameter.Value --output text)\"";
    }

    @Override
    public Optional<String> ssmParameter() {
      return Optional.of(parameterName);
    }
  }
}
