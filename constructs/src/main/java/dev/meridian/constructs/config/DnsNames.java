package dev.meridian.constructs.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names Meridian gives to DNS things, identical in both engines so that a record's
 * {@code SetIdentifier} never changes when the engine does: set identifiers per routing policy
 * and the intermediate record names of a failover chain.
 */
public final class DnsNames {

  private static final Pattern TARGET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private DnsNames() {}

  /** The name, if it can stand in set identifiers (lower-case letters, digits, '-'; ≤ 63). */
  public static String requireTargetName(String field, String name) {
    if (name == null || !TARGET_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(field + ": '" + name
          + "' is not a target name; use 1-63 lower-case letters, digits or '-', starting with a letter or digit");
    }
    return name;
  }

  /** The set identifier of a failover record: {@code uk-primary}, {@code uk-colo-secondary}. */
  public static String failoverSetIdentifier(String target, boolean primary) {
    return target + (primary ? "-primary" : "-secondary");
  }

  /** The set identifier of a latency record: {@code us-latency}. */
  public static String latencySetIdentifier(String target) {
    return target + "-latency";
  }

  /**
   * The set identifier of a geolocation record: the target and the area, e.g. {@code eu-de},
   * {@code us-na}, or {@code us-default} for the default record.
   */
  public static String geolocationSetIdentifier(String target, String areaCode) {
    return target + "-" + areaCode.toLowerCase(Locale.ROOT);
  }

  /**
   * The intermediate name of the n-th link of a failover chain under a record:
   * {@code chainedRecordName("api.example.com", 2)} is {@code failover-2.api.example.com}.
   */
  public static String chainedRecordName(String recordName, int link) {
    if (link < 2) {
      throw new IllegalArgumentException("link: " + link + " must be ≥ 2 (link 1 is the record itself)");
    }
    return "failover-" + link + "." + recordName;
  }
}
