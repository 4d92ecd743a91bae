package dev.meridian.blueprints.spec;

/**
 * The pinned artifact versions every site serves; all default to {@code unversioned}.
 */
public record Artifacts(String modelVersion, String promptVersion, String configVersion) {}
