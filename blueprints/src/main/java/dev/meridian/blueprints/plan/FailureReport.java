package dev.meridian.blueprints.plan;

import dev.meridian.blueprints.spec.Problem;
import java.util.List;

/**
 * The answer to "what if these sites fail?" ({@code meridian plan --fail SITE…}): either the
 * simulated outcome, or the reasons the question could not be asked (a site name the deployment
 * does not have; the command line exits 2).
 */
public sealed interface FailureReport {

  /**
   * The deployment with the failed sites down.
   *
   * @param failedSites         the failed sites, in spec order
   * @param userGroups          each group of users and where its traffic goes now
   * @param trippedHealthChecks the sites whose health checks turn unhealthy, in spec order
   * @param failoverSeconds     seconds until resolvers send moved users elsewhere: health-check
   *                            interval × failure threshold + TTL; 0 when DNS moves nobody
   * @param scalingUpFromZero   pilot-light standbys that now take traffic: add their scale-up
   *                            from zero instances to {@code failoverSeconds}
   * @param reroutedFlows       the flows of users' traffic the failure starts (failover between
   *                            sites, or prompts sent to the hosted-API fallback)
   * @param capacityBefore      the sum of the maximum instances of every fleet
   * @param capacityLeft        the sum of the maximum instances of the surviving fleets
   */
  record Simulated(
      List<String> failedSites,
      List<UserGroupOutcome> userGroups,
      List<String> trippedHealthChecks,
      int failoverSeconds,
      List<String> scalingUpFromZero,
      List<DataFlow> reroutedFlows,
      int capacityBefore,
      int capacityLeft) implements FailureReport {

    public Simulated {
      failedSites = List.copyOf(failedSites);
      userGroups = List.copyOf(userGroups);
      trippedHealthChecks = List.copyOf(trippedHealthChecks);
      scalingUpFromZero = List.copyOf(scalingUpFromZero);
      reroutedFlows = List.copyOf(reroutedFlows);
    }

    /** The rerouted flows that cross a border the residency policy does not allow. */
    public List<DataFlow> residencyBreaches() {
      return reroutedFlows.stream().filter(f -> !f.allowed()).toList();
    }

    /** Whether residency still holds with the failed sites down. */
    public boolean residencyHolds() {
      return residencyBreaches().isEmpty();
    }
  }

  /**
   * The question named sites the deployment does not have.
   *
   * @param problems one error per unknown site name
   */
  record Rejected(List<Problem> problems) implements FailureReport {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }
}
