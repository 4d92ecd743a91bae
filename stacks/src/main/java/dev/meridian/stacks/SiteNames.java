package dev.meridian.stacks;

import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Role;
import java.util.Optional;

/**
 * Per-site names and choices both engines make the same way: a site's own host name under the
 * deployment's record, which site runs the evals, and which site the scheduled drill takes out.
 */
public final class SiteNames {

  private SiteNames() {}

  /** The site's own name, {@code <site>.<record>} (e.g. {@code london.api.example.com}): evals and operators reach one site by it. */
  public static String host(Topology topology, String site) {
    return site + "." + topology.routing().record();
  }

  /**
   * The site that runs the evals and keeps their results: where the plan's eval-result flows go,
   * else the hub or primary, else the first AWS site; empty without an {@code eval} block.
   */
  public static Optional<Site> evalSite(Topology topology) {
    if (topology.deployment().eval().isEmpty()) {
      return Optional.empty();
    }
    Optional<Site> reportedTo = topology.flows().stream()
        .filter(f -> f.kind() == FlowKind.EVAL_RESULTS)
        .findFirst()
        .flatMap(f -> topology.site(f.to()));
    return reportedTo
        .or(() -> topology.sites().stream().filter(Site::isAws)
            .filter(s -> s.role() == Role.HUB || s.role() == Role.PRIMARY).findFirst())
        .or(() -> topology.sites().stream().filter(Site::isAws).findFirst());
  }

  /**
   * The site a drill takes out of service: the first site, in spec order, that serves users in
   * normal operation (the primary, the first active site or spoke); empty if none does.
   */
  public static Optional<Site> drilledSite(Topology topology) {
    return topology.sites().stream().filter(s -> s.role().servesTraffic()).findFirst();
  }
}
