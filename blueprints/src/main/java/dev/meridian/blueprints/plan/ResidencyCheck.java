package dev.meridian.blueprints.plan;

import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The residency rule checked on a Topology at validate time: every flow of user data that leaves
 * its jurisdiction without being listed in {@code residency.allowedTransfers} is one error,
 * naming both ends, their jurisdictions and the kind of flow, and saying how to fix it.
 */
public final class ResidencyCheck {

  private ResidencyCheck() {}

  /** One error per disallowed flow, in the Topology's flow order. */
  public static List<Problem> problems(Topology topology) {
    return topology.flows().stream().filter(f -> !f.allowed())
        .map(f -> new Problem(topology.deployment().source().display(), Optional.empty(),
            "residency.allowedTransfers", message(f, topology.deployment().pattern()), Problem.Severity.ERROR))
        .toList();
  }

  private static String message(DataFlow flow, PatternKind pattern) {
    String what = flow.kind() == FlowKind.GEO_SERVING
        ? "serving users in " + flow.fromJurisdiction() + " from " + end(flow.to(), flow.toJurisdiction())
        : flow.kind().description() + " from " + end(flow.from(), flow.fromJurisdiction())
            + " to " + end(flow.to(), flow.toJurisdiction());
    return what + " crosses a jurisdiction (allow it with {\"from\": \"" + flow.fromJurisdiction()
        + "\", \"to\": \"" + flow.toJurisdiction() + "\"} or " + remedy(flow, pattern) + ")";
  }

  private static String end(String party, String jurisdiction) {
    return "\"" + party + "\" (" + jurisdiction + ")";
  }

  private static String remedy(DataFlow flow, PatternKind pattern) {
    String home = flow.fromJurisdiction();
    return switch (flow.kind()) {
      case FAILOVER_TRAFFIC -> pattern == PatternKind.ACTIVE_PASSIVE
          ? "keep the standby in " + home
          : "fail over only to sites in " + home;
      case GEO_SERVING -> "serve " + home + "'s countries from a site in " + home;
      case LOG_AGGREGATION -> "add an AWS site in " + home + " to archive its logs";
      case VECTOR_SNAPSHOT_COPY -> "set vectorStore.content to \"artifact\" if the index holds no user data";
      case HOSTED_API_FALLBACK -> "use a fallback region in " + home;
      case ARTIFACT_REPLICATION, EVAL_RESULTS -> "keep it in " + home;
    };
  }
}
