package dev.meridian.stacks;

import dev.meridian.blueprints.plan.Topology;
import dev.meridian.constructs.config.RegionalBucketName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The physical names both engines give a deployment's cross-region resources, so that a producer
 * in one region names its consumer in another without a look-up, the two engines agree, and
 * review can match a flow's destination by name. Bucket prefixes longer than S3 allows are cut
 * and suffixed with a short hash of the full prefix, so they stay unique and stable.
 */
public final class ResourceNames {

  private ResourceNames() {}

  /** The artifact buckets, one per region: {@code <deployment>-artifacts-<account>-<region>}. */
  public static RegionalBucketName artifacts(Topology topology) {
    return bucket(topology.name() + "-artifacts");
  }

  /** A jurisdiction's inference-log archive: {@code <deployment>-logs-<jurisdiction>-…}. */
  public static RegionalBucketName logArchive(Topology topology, String jurisdiction) {
    return bucket(topology.name() + "-logs-" + jurisdiction.toLowerCase(Locale.ROOT));
  }

  /** A site's vector snapshots: {@code <deployment>-vectors-…}, one per region. */
  public static RegionalBucketName vectorSnapshots(Topology topology) {
    return bucket(topology.name() + "-vectors");
  }

  /** Eval results, in the hub or primary: {@code <deployment>-evals-…}. */
  public static RegionalBucketName evalResults(Topology topology) {
    return bucket(topology.name() + "-evals");
  }

  /** The SSM parameter path under which a site publishes values other stacks read at deploy time. */
  public static String siteParameter(Topology topology, String site, String name) {
    return "/meridian/" + topology.name() + "/" + site + "/" + name;
  }

  static RegionalBucketName bucket(String prefix) {
    if (prefix.length() <= RegionalBucketName.MAX_PREFIX_LENGTH) {
      return new RegionalBucketName(prefix);
    }
    String hash = shortHash(prefix);
    String head = prefix.substring(0, RegionalBucketName.MAX_PREFIX_LENGTH - hash.length() - 1).replaceAll("-+$", "");
    return new RegionalBucketName(head + "-" + hash);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
