package dev.meridian.blueprints.plan;

import dev.meridian.blueprints.spec.Gpu;
import dev.meridian.blueprints.spec.Role;
import dev.meridian.blueprints.spec.VectorStore;
import java.util.List;
import java.util.Optional;

/**
 * One place the deployment runs: an AWS region Meridian provisions or a dedicated server it
 * only routes to.
 *
 * @param name         the spec region's name, e.g. {@code uk}
 * @param role         its role in the pattern
 * @param jurisdiction where its data lives, e.g. {@code UK}
 * @param placement    AWS region or dedicated endpoints
 * @param fleet        the GPU fleet to provision (AWS sites only)
 * @param vectorStore  the Qdrant cluster to provision (AWS sites that serve, when the spec has one)
 * @param serves       regional-sharding: the country/continent codes routed here
 */
public record Site(
    String name,
    Role role,
    String jurisdiction,
    Placement placement,
    Optional<Gpu> fleet,
    Optional<VectorStore> vectorStore,
    List<String> serves) {

  public Site {
    serves = List.copyOf(serves);
  }

  /** The AWS region, for AWS sites. */
  public Optional<String> awsRegion() {
    return placement instanceof Placement.Aws aws ? Optional.of(aws.region()) : Optional.empty();
  }

  /**
   * Whether this is a pilot-light standby: a standby fleet kept at zero instances, so taking
   * over traffic includes scaling up from nothing (a warm standby keeps at least one).
   */
  public boolean pilotLight() {
    return role == Role.STANDBY && fleet.map(f -> f.min() == 0).orElse(false);
  }

  /** Whether Meridian provisions this site. */
  public boolean isAws() {
    return placement instanceof Placement.Aws;
  }
}
