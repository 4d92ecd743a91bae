package dev.meridian.blueprints.plan;

/**
 * One Route 53 record set of the deployment's record name, pointing at one site.
 *
 * @param name          the DNS name: the deployment's record, or an intermediate name where
 *                      failover chains through several standbys
 * @param setIdentifier stable identifier, unique within the record name (e.g. {@code uk-primary})
 * @param site          the site it answers with
 * @param rule          what makes Route 53 pick it
 * @param healthChecked whether it carries the site's health check (every routed site does,
 *                      except a simple record with nothing to fail over to)
 */
public record RecordSet(String name, String setIdentifier, String site, RoutingRule rule, boolean healthChecked) {}
