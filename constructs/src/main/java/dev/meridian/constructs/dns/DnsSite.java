package dev.meridian.constructs.dns;

import java.util.Optional;

/**
 * A site a {@code DnsFailover} health-checks and routes to.
 *
 * @param name     the site's name, unique in the construct (letters, digits, {@code -})
 * @param target   where it answers
 * @param hostName an extra name answering with this site alone, whatever the routing says
 *                 (operators and evals use it), e.g. {@code uk.api.example.com}; default none
 */
public record DnsSite(String name, DnsTarget target, Optional<String> hostName) {

  public DnsSite {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
      throw new IllegalArgumentException("site name: '" + name + "' must be letters, digits and -");
    }
    if (target == null) {
      throw new IllegalArgumentException("site " + name + ": target missing");
    }
    hostName = hostName == null ? Optional.empty() : hostName;
  }
}
