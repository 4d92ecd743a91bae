package dev.meridian.blueprints.spec;

import java.util.List;
import java.util.Optional;

/**
 * One site of a deployment: either an AWS region Meridian provisions ({@code awsRegion}) or a
 * dedicated server it does not provision ({@code dedicated}); exactly one of the two is present.
 *
 * @param name      unique site name, e.g. {@code uk}
 * @param awsRegion the AWS commercial region, e.g. {@code eu-west-2}
 * @param dedicated the bring-your-own server
 * @param role      the site's role in the pattern (required)
 * @param serves    regional-sharding: ISO-3166 alpha-2 or continent codes routed here; else empty
 * @param gpu       the effective GPU fleet block: the top-level {@code gpu} merged with this
 *                  region's override (ignored for dedicated sites)
 */
public record Region(
    String name,
    Optional<String> awsRegion,
    Optional<Dedicated> dedicated,
    Role role,
    List<String> serves,
    Gpu gpu) {

  public Region {
    serves = List.copyOf(serves);
  }

  /** Whether Meridian provisions this site in AWS. */
  public boolean isAws() {
    return awsRegion.isPresent();
  }
}
