package dev.meridian.blueprints.plan;

import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Problem;
import dev.meridian.blueprints.spec.Role;
import java.util.List;
import java.util.Optional;

/**
 * The engine-neutral plan of one deployment: its sites, how DNS routes users to them, the data
 * flows between them, and what it costs per hour. Both engines render exactly this; plan,
 * what-if and residency checks read only this.
 *
 * @param deployment the validated spec the plan was made from (for the blocks engines render
 *                   as they are: artifacts, eval, drills, fallback, logging)
 * @param sites      one per spec region, in spec order
 * @param routing    the DNS routing
 * @param flows      every data flow, user-data flows first
 * @param cost       the hourly cost range
 * @param warnings   non-fatal findings (e.g. an instance type not offered in a region)
 */
public record Topology(
    Deployment deployment,
    List<Site> sites,
    Routing routing,
    List<DataFlow> flows,
    Cost cost,
    List<Problem> warnings) {

  public Topology {
    sites = List.copyOf(sites);
    flows = List.copyOf(flows);
    warnings = List.copyOf(warnings);
  }

  /** The deployment's name. */
  public String name() {
    return deployment.name();
  }

  /** The site of that name, if any. */
  public Optional<Site> site(String name) {
    return sites.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The AWS site whose archive keeps a site's inference logs: where its log-aggregation flow goes,
   * or the site itself when it is an AWS site serving users and ships its logs nowhere. Empty for
   * a hub (it serves no users) and for a site with no AWS site to ship to.
   */
  public Optional<Site> logArchiveOf(String siteName) {
    Optional<Site> shippedTo = flows.stream()
        .filter(f -> f.kind() == FlowKind.LOG_AGGREGATION && f.from().equals(siteName))
        .findFirst()
        .flatMap(f -> site(f.to()));
    return shippedTo.or(() -> site(siteName).filter(s -> s.isAws() && s.role() != Role.HUB));
  }
}
