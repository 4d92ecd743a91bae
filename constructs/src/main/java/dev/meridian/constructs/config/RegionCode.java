package dev.meridian.constructs.config;

import java.util.regex.Pattern;

/**
 * The form of an AWS region code as props take it, e.g. {@code eu-west-2} or
 * {@code ap-southeast-5}: whether the region exists is the catalog's business, not the
 * constructs'.
 */
public final class RegionCode {

  private static final Pattern CODE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  private RegionCode() {}

  /** The code, if it has the form of a region code; otherwise an error naming the field. */
  public static String require(String field, String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(field + ": '" + code + "' is not an AWS region code; use e.g. eu-west-2");
    }
    return code;
  }
}
