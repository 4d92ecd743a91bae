package dev.meridian.constructs.config;

/**
 * What an {@code ArtifactVersions} holds, in either engine, checked: the deployment (which names
 * the parameters) and its three pinned versions, each one path segment (e.g. {@code 2025-06-01}).
 *
 * @param names         the parameters' names, from the deployment
 * @param modelVersion  the model version
 * @param promptVersion the prompt version
 * @param configVersion the config version
 */
public record ArtifactVersionsProps(ArtifactVersionParameters names, String modelVersion, String promptVersion,
    String configVersion) {

  public ArtifactVersionsProps {
    checked("modelVersion", modelVersion);
    checked("promptVersion", promptVersion);
    checked("configVersion", configVersion);
  }

  private static void checked(String field, String version) {
    if (version == null || version.isBlank() || version.contains("/") || version.equals(".") || version.equals("..")) {
      throw new IllegalArgumentException(field + ": '" + version + "' is not a version; use one path segment, e.g. 2025-06-01");
    }
  }
}
