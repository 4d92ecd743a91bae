package dev.meridian.stacks;

import dev.meridian.blueprints.plan.Site;
import java.util.Optional;

/**
 * One stack either engine synthesizes for a deployment, before any engine is involved: its name,
 * where it deploys, and the site it holds (none for the global DNS stack).
 *
 * @param name      stack name: {@code <deployment>-<site>} or {@code <deployment>-dns}
 * @param site      the AWS site it provisions; empty for the global DNS stack
 * @param awsRegion the region it deploys to (us-east-1 for the DNS stack: Route 53 health-check
 *                  metrics and their alarms exist only there)
 * @param account   the AWS account, when the spec pins one
 */
public record StackPlan(String name, Optional<Site> site, String awsRegion, Optional<String> account) {

  /** Whether this is the deployment's global DNS stack. */
  public boolean isDns() {
    return site.isEmpty();
  }
}
