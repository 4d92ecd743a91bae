package dev.meridian.blueprints.plan;

import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Problem;
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
}
