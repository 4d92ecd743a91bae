package dev.meridian.constructs.dns;

import java.util.Optional;

/**
 * How Route 53 checks a site: the request it sends, how often, and after how many consecutive
 * failures the site counts as down (down after {@code intervalSeconds × failureThreshold}
 * seconds). With a {@code searchString}, a 2xx/3xx answer is healthy only if the first 5,120
 * bytes of its body contain the string (Route 53's {@code HTTP(S)_STR_MATCH}).
 *
 * @param protocol         {@code HTTPS} (default, with SNI) or {@code HTTP}
 * @param port             1–65535; default 443
 * @param path             the request path, starting with {@code /}; default {@code /health}
 * @param intervalSeconds  10 (default, "fast") or 30
 * @param failureThreshold 1–10; default 3
 * @param searchString     up to 255 characters; default none
 */
public record HealthCheckSettings(
    Protocol protocol, int port, String path, int intervalSeconds, int failureThreshold, Optional<String> searchString) {

  /** The health check with every default: HTTPS on 443, {@code /health}, every 10 s, down after 3 failures. */
  public static HealthCheckSettings defaults() {
    return new HealthCheckSettings(Protocol.HTTPS, 443, "/health", 10, 3, Optional.empty());
  }

  public HealthCheckSettings {
    if (protocol == null) {
      throw new IllegalArgumentException("healthCheck.protocol: missing; use HTTPS or HTTP");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("healthCheck.port: " + port + " must be between 1 and 65535");
    }
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("healthCheck.path: '" + path + "' must start with /, e.g. /health");
    }
    if (intervalSeconds != 10 && intervalSeconds != 30) {
      throw new IllegalArgumentException("healthCheck.intervalSeconds: " + intervalSeconds + " must be 10 or 30 (Route 53's two intervals)");
    }
    if (failureThreshold < 1 || failureThreshold > 10) {
      throw new IllegalArgumentException("healthCheck.failureThreshold: " + failureThreshold + " must be between 1 and 10");
    }
    searchString = searchString == null ? Optional.empty() : searchString;
    searchString.filter(s -> s.isEmpty() || s.length() > 255).ifPresent(s -> {
      throw new IllegalArgumentException("healthCheck.searchString: must be 1 to 255 characters, got " + s.length());
    });
  }

  /** The same check, healthy only when the body contains {@code text}. */
  public HealthCheckSettings withSearchString(String text) {
    return new HealthCheckSettings(protocol, port, path, intervalSeconds, failureThreshold, Optional.of(text));
  }

  /** Route 53's type for an endpoint check: {@code HTTPS}, {@code HTTP}, or their {@code _STR_MATCH} forms. */
  public String route53Type() {
    return protocol.name() + (searchString.isPresent() ? "_STR_MATCH" : "");
  }

  /** Whether the check sends the host name in the TLS handshake (every HTTPS check does). */
  public boolean sni() {
    return protocol == Protocol.HTTPS;
  }

  /** The protocol of a health check. */
  public enum Protocol { HTTP, HTTPS }
}
