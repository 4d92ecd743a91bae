package dev.meridian.blueprints.plan;

import java.util.Optional;

/**
 * One Route 53 record set of the deployment's record name, pointing at one site.
 *
 * @param name          the DNS name: the deployment's record, or an intermediate name where
 *                      failover chains through several standbys
 * @param setIdentifier stable identifier, unique within the record name: {@code <site>} or
 *                      {@code <site>-<what>} (e.g. {@code uk-primary}, {@code uk-gb}); a simple
 *                      record carries none in Route 53, so engines leave it out there
 * @param site          the site it answers with; for an alias, the first site the aliased name
 *                      answers with while every site is healthy
 * @param rule          what makes Route 53 pick it
 * @param healthChecked whether it carries the site's health check (every routed site does,
 *                      except a simple record with nothing to fail over to, and an alias, which
 *                      evaluates the health of the name it points at instead)
 * @param aliasTarget   when present, the record is an alias to this other record name of the
 *                      deployment (chained failover through several standbys); default empty
 */
public record RecordSet(
    String name, String setIdentifier, String site, RoutingRule rule, boolean healthChecked,
    Optional<String> aliasTarget) {

  /** A record that answers with the site itself (no alias). */
  public RecordSet(String name, String setIdentifier, String site, RoutingRule rule, boolean healthChecked) {
    this(name, setIdentifier, site, rule, healthChecked, Optional.empty());
  }

  /** Whether the record points at another record name rather than at its site. */
  public boolean isAlias() {
    return aliasTarget.isPresent();
  }
}
