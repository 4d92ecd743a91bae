package dev.meridian.blueprints.plan;

import dev.meridian.blueprints.spec.DataClass;

/**
 * One movement of data (or of users' traffic) between two places of a deployment.
 *
 * @param kind             what moves and how
 * @param from             source site name, or the users of a jurisdiction ({@code users:UK}, for
 *                         regional sharding's serving flows)
 * @param to               destination site name, or a hosted API ({@code bedrock:eu-west-2})
 * @param dataClass        the residency class of what moves
 * @param fromJurisdiction jurisdiction of the source
 * @param toJurisdiction   jurisdiction of the destination
 * @param allowed          false only for a user-data flow across jurisdictions that the spec's
 *                         residency policy does not allow
 */
public record DataFlow(
    FlowKind kind,
    String from,
    String to,
    DataClass dataClass,
    String fromJurisdiction,
    String toJurisdiction,
    boolean allowed) {

  /** Whether the flow crosses a jurisdiction border. */
  public boolean crossesBorder() {
    return !fromJurisdiction.equals(toJurisdiction);
  }
}
