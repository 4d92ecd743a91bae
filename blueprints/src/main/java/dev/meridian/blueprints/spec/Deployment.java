package dev.meridian.blueprints.spec;

import java.util.List;
import java.util.Optional;

/**
 * A validated deployment spec (SPEC.md, {@code meridian/v1}): one named deployment of one
 * pattern over one or more regions. Every default of the spec format is already applied, so
 * consumers never see an absent field that has a default; optional blocks are {@link Optional}.
 *
 * @param source     the file the spec was loaded from (for messages)
 * @param name       the deployment name; prefixes stack names
 * @param pattern    the deployment pattern
 * @param account    the AWS account id for environment-specific synth; empty for env-agnostic
 * @param regions    the sites, in spec order (the order is meaningful: e.g. geolocation defaults)
 * @param gpu        the top-level GPU fleet block; each region holds its own merged copy
 */
public record Deployment(
    SourceFile source,
    String apiVersion,
    String name,
    PatternKind pattern,
    Optional<String> account,
    Dns dns,
    List<Region> regions,
    Gpu gpu,
    Optional<VectorStore> vectorStore,
    Logging logging,
    Residency residency,
    Artifacts artifacts,
    Optional<Eval> eval,
    Optional<Drills> drills,
    Optional<Fallback> fallback) {

  /** The only accepted {@code apiVersion}. */
  public static final String API_VERSION = "meridian/v1";

  public Deployment {
    regions = List.copyOf(regions);
  }

  /** The region of that name, if the spec has one. */
  public Optional<Region> region(String regionName) {
    return regions.stream().filter(r -> r.name().equals(regionName)).findFirst();
  }
}
