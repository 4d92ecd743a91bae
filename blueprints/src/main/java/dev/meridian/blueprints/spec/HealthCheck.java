package dev.meridian.blueprints.spec;

/**
 * The health check Route 53 runs against every site.
 *
 * @param path             request path; default {@code /health}
 * @param protocol         {@code HTTPS} (default) or {@code HTTP}
 * @param port             default 443
 * @param intervalSeconds  10 (default, "fast") or 30
 * @param failureThreshold consecutive failures before unhealthy, 1–10; default 3
 */
public record HealthCheck(String path, Protocol protocol, int port, int intervalSeconds, int failureThreshold) {

  /** The health check with every default of SPEC.md. */
  public static HealthCheck defaults() {
    return new HealthCheck("/health", Protocol.HTTPS, 443, 10, 3);
  }

  /** Seconds from an outage to the check reporting unhealthy: interval × threshold. */
  public int secondsToUnhealthy() {
    return intervalSeconds * failureThreshold;
  }

  /** The protocol of a health check. */
  public enum Protocol { HTTP, HTTPS }
}
