package dev.meridian.stacks;

import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stacks of a deployment in a safe deploy order, shared by both engines and by
 * {@code meridian deploy}: one stack per AWS site — the hub or primary first, so the artifact
 * source exists before the sites that replicate from it — then the global DNS stack, which reads
 * every site's load balancer and must come last. Dedicated sites get no stack of their own: the
 * DNS stack routes to them.
 */
public final class StackLayout {

  /** Region of the global DNS stack: Route 53 health-check metrics exist only in us-east-1. */
  public static final String DNS_REGION = "us-east-1";

  private StackLayout() {}

  /** The stacks of a deployment, in deploy order. */
  public static List<StackPlan> of(Topology topology) {
    Optional<String> account = topology.deployment().account();
    List<StackPlan> stacks = new ArrayList<>();
    topology.sites().stream()
        .filter(Site::isAws)
        .sorted(Comparator.comparingInt(StackLayout::deployRank))
        .forEach(site -> stacks.add(new StackPlan(
            siteStackName(topology, site), Optional.of(site), site.awsRegion().orElseThrow(), account)));
    stacks.add(new StackPlan(dnsStackName(topology), Optional.empty(), DNS_REGION, account));
    return List.copyOf(stacks);
  }

  /** {@code <deployment>-<site>}. */
  public static String siteStackName(Topology topology, Site site) {
    return topology.name() + "-" + site.name();
  }

  /** {@code <deployment>-dns}. */
  public static String dnsStackName(Topology topology) {
    return topology.name() + "-dns";
  }

  private static int deployRank(Site site) {
    // Stable sort: within a rank, spec order is kept.
    return site.role() == Role.HUB || site.role() == Role.PRIMARY ? 0 : 1;
  }
}
