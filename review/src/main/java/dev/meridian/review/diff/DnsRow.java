package dev.meridian.review.diff;

/**
 * One row of the failover topology table: a routed record before → after. A cell that did not
 * change shows its value; one that did shows {@code before → after}; {@code —} stands for absent.
 *
 * @param record      {@code cdk: api.example.com A (uk)}
 * @param policy      routing policy, e.g. {@code failover PRIMARY}
 * @param target      alias target or values
 * @param healthCheck the health check: type, host, port and path ({@code HTTPS uk.api.example.com:443/health},
 *                    {@code (inverted)} when inverted), its reference if it is not in the output, or {@code none}
 */
public record DnsRow(String record, String policy, String target, String healthCheck) {}
