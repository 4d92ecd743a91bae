package dev.meridian.constructs.config;

import java.util.regex.Pattern;

/**
 * The physical name of a bucket that takes part in a cross-region flow (artifact replication,
 * log archive, eval results): {@code <prefix>-<account>-<region>}, e.g.
 * {@code chat-uk-artifacts-111111111111-eu-west-2}. Deterministic, so a producer in one region
 * can name its destination in another without a look-up, and the review tool can match a
 * replication destination to the bucket by name. Account and region may be engine tokens
 * (they resolve to a join at synth time).
 *
 * @param prefix the name's fixed part: 3–35 lower-case letters, digits or '-', starting and
 *               ending with a letter or digit (35 leaves room for a 12-digit account and the
 *               longest region code within S3's 63 characters)
 */
public record RegionalBucketName(String prefix) {

  /** The longest prefix that keeps every name within 63 characters. */
  public static final int MAX_PREFIX_LENGTH = 35;

  private static final Pattern PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,33}[a-z0-9])");

  public RegionalBucketName {
    if (prefix == null || !PREFIX.matcher(prefix).matches() || prefix.contains("--")) {
      throw new IllegalArgumentException("prefix: '" + prefix + "' is not a bucket name prefix; use 3-"
          + MAX_PREFIX_LENGTH + " lower-case letters, digits or single '-', starting and ending with a letter or digit");
    }
  }

  /** The bucket name in this account and region: {@code prefix-account-region}. */
  public String in(String account, String region) {
    return prefix + "-" + account + "-" + region;
  }

  /** The bucket's ARN in the {@code aws} partition. */
  public String arnIn(String account, String region) {
    return "arn:aws:s3:::" + in(account, region);
  }
}
