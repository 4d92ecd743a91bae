package dev.meridian.stacks;

import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Role;
import dev.meridian.constructs.dns.DnsFailoverProps;
import java.util.List;
import java.util.Optional;

/**
 * Per-site names and choices both engines make the same way: a site's own host name under the
 * deployment's record, which site runs the evals, which site the scheduled drill takes out, and
 * which standbys wake up (pilot lights) when the primary fails.
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

  /**
   * The pilot-light standbys: AWS standbys whose fleet's minimum is 0, woken up when the primary
   * fails its health check; none without a primary.
   */
  public static List<Site> pilotLights(Topology topology) {
    if (primary(topology).isEmpty()) {
      return List.of();
    }
    return topology.sites().stream()
        .filter(s -> s.isAws() && s.pilotLight())
        .toList();
  }

  /** The primary site (active-passive), if the deployment has one. */
  public static Optional<Site> primary(Topology topology) {
    return topology.sites().stream().filter(s -> s.role() == Role.PRIMARY).findFirst();
  }

  /** The name of the primary's health alarm, which wakes the pilot lights (see {@code DnsFailover}'s alarm names). */
  public static String primaryHealthAlarm(Topology topology) {
    return DnsFailoverProps.alarmName(topology.name(), primary(topology).orElseThrow().name());
  }

  /** The regions of pilot-light standbys other than {@code region}: where the primary's alarm must be relayed. */
  public static List<String> pilotLightRegionsOtherThan(Topology topology, String region) {
    return pilotLights(topology).stream()
        .map(site -> site.awsRegion().orElseThrow())
        .filter(other -> !other.equals(region))
        .distinct()
        .toList();
  }
}
