package dev.meridian.constructs.dns;

import java.util.regex.Pattern;

/** Dotted-quad IPv4 literals, the only addresses an A record and an IP health check take. */
final class Ipv4 {

  private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private Ipv4() {}

  static boolean isLiteral(String address) {
    return address != null && DOTTED_QUAD.matcher(address).matches();
  }
}
