package dev.meridian.stacks;

import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import java.util.Optional;

/**
 * Per-site names and choices both engines make the same way: a site's own host name under the
 * deployment's record, and which site the scheduled failover drill takes out.
 */
public final class SiteNames {

  private SiteNames() {}

  /** The site's own name, {@code <site>.<record>} (e.g. {@code london.api.example.com}): evals and operators reach one site by it. */
  public static String host(Topology topology, String site) {
    return site + "." + topology.routing().record();
  }

  /**
   * The site a drill takes out of service: the first site, in spec order, that serves users in
   * normal operation (the primary, the first active site or spoke); empty if none does.
   */
  public static Optional<Site> drilledSite(Topology topology) {
    return topology.sites().stream().filter(s -> s.role().servesTraffic()).findFirst();
  }
}
