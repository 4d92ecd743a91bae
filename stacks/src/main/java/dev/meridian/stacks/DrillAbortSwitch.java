package dev.meridian.stacks;

import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;

/**
 * The stop condition of a GPU site's drill, the same in both engines: an alarm in the site's
 * region on the custom metric {@code Meridian/Drills Abort} (dimension {@code Deployment}), which
 * an operator pulls with one CLI call. FIS can only watch alarms of its own region, and the alarms
 * that watch users' experience (Route 53 health checks) live in us-east-1.
 */
public final class DrillAbortSwitch {

  /** The metric's namespace. */
  public static final String NAMESPACE = "Meridian/Drills";
  /** The metric's name. */
  public static final String METRIC = "Abort";
  /** The metric's dimension, valued with the deployment's name. */
  public static final String DIMENSION = "Deployment";

  private DrillAbortSwitch() {}

  /** The alarm's description: what it is and the command that pulls it. */
  public static String description(Topology topology, Site site) {
    return "Pull to stop a running failover drill of " + site.name() + ": aws cloudwatch put-metric-data"
        + " --namespace " + NAMESPACE + " --metric-name " + METRIC + " --value 1 --dimensions " + DIMENSION + "="
        + topology.name();
  }
}
