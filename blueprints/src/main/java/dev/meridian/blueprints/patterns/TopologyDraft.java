package dev.meridian.blueprints.patterns;

import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.plan.Cost;
import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.Routing;
import dev.meridian.blueprints.plan.RoutingPolicy;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Dns;
import dev.meridian.blueprints.spec.Fallback;
import dev.meridian.blueprints.spec.Problem;
import dev.meridian.blueprints.spec.Region;
import dev.meridian.blueprints.spec.Role;
import dev.meridian.blueprints.spec.VectorStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The mechanics every pattern shares, written once: sites from spec regions, flows with their
 * residency verdicts, record sets, log aggregation, the hosted-API fallback, and the cost. A
 * pattern adds its own routing and flows, then calls {@link #finish}.
 */
final class TopologyDraft {

  private final Deployment deployment;
  private final Catalog catalog;
  private final List<Site> sites = new ArrayList<>();
  private final List<DataFlow> flows = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  /**
   * @param runsVectorStore which AWS regions get the spec's vector store (when it has one)
   */
  TopologyDraft(Deployment deployment, Catalog catalog, Predicate<Region> runsVectorStore) {
    this.deployment = deployment;
    this.catalog = catalog;
    for (int i = 0; i < deployment.regions().size(); i++) {
      sites.add(site(i, deployment.regions().get(i), runsVectorStore));
    }
  }

  /** Whether a region runs inference for users (everything but a hub). */
  static boolean runsInference(Region region) {
    return region.role() != Role.HUB;
  }

  private Site site(int index, Region region, Predicate<Region> runsVectorStore) {
    if (region.awsRegion().isPresent()) {
      String code = region.awsRegion().get();
      String jurisdiction = catalog.region(code)
          .orElseThrow(() -> new IllegalArgumentException("regions[" + index + "].awsRegion: \"" + code
              + "\" is not an AWS commercial region the catalog knows"))
          .jurisdiction();
      Optional<VectorStore> vectorStore = runsVectorStore.test(region) ? deployment.vectorStore() : Optional.empty();
      return new Site(region.name(), region.role(), jurisdiction, new Placement.Aws(code),
          Optional.of(region.gpu()), vectorStore, region.serves());
    }
    var dedicated = region.dedicated().orElseThrow(() -> new IllegalArgumentException(
        "regions[" + index + "]: needs awsRegion or dedicated"));
    return new Site(region.name(), region.role(), dedicated.jurisdiction(),
        new Placement.Dedicated(dedicated.endpoints(), dedicated.gpu()),
        Optional.empty(), Optional.empty(), region.serves());
  }

  List<Site> sites() {
    return List.copyOf(sites);
  }

  List<Site> sites(Role role) {
    return sites.stream().filter(s -> s.role() == role).toList();
  }

  /** The one site of a role the pattern requires exactly once (validation guarantees it). */
  Site only(Role role) {
    List<Site> matching = sites(role);
    if (matching.size() != 1) {
      throw new IllegalArgumentException("regions: " + deployment.pattern() + " needs exactly one " + role
          + " region, found " + matching.size());
    }
    return matching.get(0);
  }

  Optional<Site> firstAws() {
    return sites.stream().filter(Site::isAws).findFirst();
  }

  Site site(String name) {
    return sites.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no region named \"" + name + "\""));
  }

  private void warn(String field, String message) {
    warnings.add(new Problem(deployment.source().display(), Optional.empty(), field, message,
        Problem.Severity.WARNING));
  }

  // --- routing -------------------------------------------------------------------------------

  /** A health-checked record set of the deployment's record name answering with a site. */
  RecordSet route(String setIdentifier, Site site, RoutingRule rule) {
    return new RecordSet(deployment.dns().record(), setIdentifier, site.name(), rule, true);
  }

  /**
   * The latency record of a site: its AWS region, or for a dedicated server its jurisdiction's
   * home region. A jurisdiction without an AWS region gets no record, and a warning says so.
   */
  Optional<RecordSet> latencyRecord(Site site) {
    Optional<String> region = site.awsRegion().or(() ->
        Optional.ofNullable(catalog.jurisdictions().get(site.jurisdiction())).flatMap(j -> j.homeRegion()));
    if (region.isEmpty()) {
      warn("regions[" + sites.indexOf(site) + "].dedicated.jurisdiction",
          "site \"" + site.name() + "\" is in " + site.jurisdiction() + ", which has no AWS region to stand for it"
              + " in a latency record; it gets no traffic (place it in a jurisdiction with an AWS region)");
      return Optional.empty();
    }
    return Optional.of(route(site.name(), site, new RoutingRule.Latency(region.get())));
  }

  // --- flows ---------------------------------------------------------------------------------

  /** Adds a flow between two parties; user data across jurisdictions asks the residency policy. */
  void flow(FlowKind kind, String from, String fromJurisdiction, String to, String toJurisdiction, DataClass dataClass) {
    boolean allowed = dataClass != DataClass.USER || deployment.residency().allows(fromJurisdiction, toJurisdiction);
    flows.add(new DataFlow(kind, from, to, dataClass, fromJurisdiction, toJurisdiction, allowed));
  }

  void flow(FlowKind kind, Site from, Site to, DataClass dataClass) {
    flow(kind, from.name(), from.jurisdiction(), to.name(), to.jurisdiction(), dataClass);
  }

  /** Adds a flow whose verdict the pattern decided (e.g. users outside every covered jurisdiction). */
  void flow(DataFlow flow) {
    flows.add(flow);
  }

  /** Users' traffic from every site to every other, in spec order. */
  void failoverBetweenEveryPair(List<Site> among) {
    for (Site from : among) {
      for (Site to : among) {
        if (!from.equals(to)) {
          flow(FlowKind.FAILOVER_TRAFFIC, from, to, DataClass.USER);
        }
      }
    }
  }

  /** Vector snapshots copied from each site with a vector store to every other one. */
  void copyVectorSnapshotsBetweenEveryPair() {
    List<Site> withStore = sites.stream().filter(s -> s.vectorStore().isPresent()).toList();
    withStore.forEach(from -> copyVectorSnapshots(from, withStore));
  }

  /** Vector snapshots copied from a site to each target that has a vector store. */
  void copyVectorSnapshots(Site from, List<Site> targets) {
    from.vectorStore().ifPresent(store -> targets.stream()
        .filter(to -> !to.equals(from) && to.vectorStore().isPresent())
        .forEach(to -> flow(FlowKind.VECTOR_SNAPSHOT_COPY, from, to, store.content())));
  }

  /** Model weights, prompts and configs replicated from a source site to each other AWS site. */
  void replicateArtifacts(Site source, List<Site> targets) {
    if (source.isAws()) {
      targets.stream().filter(to -> to.isAws() && !to.equals(source))
          .forEach(to -> flow(FlowKind.ARTIFACT_REPLICATION, source, to, DataClass.ARTIFACT));
    }
  }

  /** Eval results written from each other AWS site to the collecting site, when the spec runs evals. */
  void collectEvalResults(List<Site> from, Site collector) {
    if (deployment.eval().isPresent() && collector.isAws()) {
      from.stream().filter(s -> s.isAws() && !s.equals(collector))
          .forEach(s -> flow(FlowKind.EVAL_RESULTS, s, collector, DataClass.DERIVED));
    }
  }

  /**
   * Each user-serving site's inference logs go to its jurisdiction's archive: the first AWS site
   * of that jurisdiction in spec order, or, for a dedicated server without one, the first AWS
   * site of the deployment.
   */
  private void aggregateLogs() {
    Optional<Site> firstAws = firstAws();
    for (Site site : sites) {
      if (!runsInference(site)) {
        continue;
      }
      Optional<Site> archive = sites.stream()
          .filter(s -> s.isAws() && s.jurisdiction().equals(site.jurisdiction()))
          .findFirst()
          .or(() -> firstAws);
      archive.filter(a -> !a.equals(site))
          .ifPresent(a -> flow(FlowKind.LOG_AGGREGATION, site, a, DataClass.USER));
    }
  }

  private static boolean runsInference(Site site) {
    return site.role() != Role.HUB;
  }

  /**
   * Prompts each user-serving site sends to the hosted-API fallback. The provider's jurisdiction
   * is that of its region when the region is an AWS region (always so for {@code bedrock}), or the
   * region itself when it names a jurisdiction (e.g. {@code EU}); otherwise it is unknown and a
   * warning says so (every transfer to it then needs an explicit allowance).
   */
  private void fallBackToHostedApi() {
    deployment.fallback().ifPresent(fallback -> {
      String jurisdiction = fallbackJurisdiction(fallback);
      String provider = fallback.provider() + ":" + fallback.region();
      sites.stream().filter(TopologyDraft::runsInference)
          .forEach(s -> flow(FlowKind.HOSTED_API_FALLBACK, s.name(), s.jurisdiction(), provider, jurisdiction,
              DataClass.USER));
    });
  }

  private String fallbackJurisdiction(Fallback fallback) {
    Optional<String> ofRegion = catalog.region(fallback.region()).map(Catalog.AwsRegion::jurisdiction);
    if (ofRegion.isPresent()) {
      return ofRegion.get();
    }
    String upper = fallback.region().toUpperCase(Locale.ROOT);
    if (!fallback.provider().equals("bedrock") && catalog.jurisdictions().containsKey(upper)) {
      return upper;
    }
    warn("fallback.region", "\"" + fallback.region() + "\" is neither an AWS region nor a jurisdiction code"
        + " the catalog knows, so its jurisdiction is unknown (use an AWS region such as eu-west-2"
        + (fallback.provider().equals("bedrock") ? ")" : ", or a jurisdiction code such as EU)"));
    return "unknown";
  }

  // --- cost ----------------------------------------------------------------------------------

  private Cost cost() {
    List<Cost.Line> lines = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      Site site = sites.get(i);
      if (site.awsRegion().isEmpty()) {
        continue;
      }
      String region = site.awsRegion().get();
      String at = "regions[" + i + "]";
      site.fleet().ifPresent(gpu -> lines.add(new Cost.Line(site.name(), "gpu fleet", gpu.instanceType(),
          gpu.min(), gpu.max(), price(at + ".gpu.instanceType", gpu.instanceType(), region))));
      site.vectorStore().ifPresent(store -> lines.add(new Cost.Line(site.name(), "vector store",
          store.instanceType(), store.nodes(), store.nodes(),
          price("vectorStore.instanceType", store.instanceType(), region))));
    }
    BigDecimal min = lines.stream().map(l -> l.usdPerHour().multiply(BigDecimal.valueOf(l.min())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal max = lines.stream().map(l -> l.usdPerHour().multiply(BigDecimal.valueOf(l.max())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Cost(min.setScale(4, RoundingMode.HALF_UP), max.setScale(4, RoundingMode.HALF_UP), lines);
  }

  private BigDecimal price(String field, String instanceType, String region) {
    Optional<BigDecimal> price = catalog.onDemandPrice(instanceType, region);
    if (price.isEmpty()) {
      warn(field, "the catalog has no on-demand price for " + instanceType + " in " + region
          + "; the cost counts it as 0");
    }
    return price.orElse(BigDecimal.ZERO);
  }

  // --- result --------------------------------------------------------------------------------

  /** Adds the flows every pattern has, prices the sites, and returns the finished Topology. */
  Topology finish(RoutingPolicy policy, List<RecordSet> records) {
    aggregateLogs();
    fallBackToHostedApi();
    Dns dns = deployment.dns();
    Routing routing = new Routing(policy, dns.zone(), dns.record(), dns.ttl(), dns.healthCheck(), records);
    Cost cost = cost();
    List<DataFlow> ordered = flows.stream()
        .sorted(Comparator.comparing((DataFlow f) -> f.dataClass() != DataClass.USER))
        .toList();
    return new Topology(deployment, sites, routing, ordered, cost, warnings);
  }
}
