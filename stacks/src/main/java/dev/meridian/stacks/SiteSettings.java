package dev.meridian.stacks;

import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Artifacts;
import dev.meridian.blueprints.spec.Drills;
import dev.meridian.blueprints.spec.Eval;
import dev.meridian.blueprints.spec.Fallback;
import dev.meridian.blueprints.spec.Gpu;
import dev.meridian.blueprints.spec.VectorStore;
import dev.meridian.constructs.aws.DeepLearningAmi;
import dev.meridian.constructs.aws.GpuInstanceType;
import dev.meridian.constructs.config.ArtifactVersionsPropsBuilder;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.EvalHarnessPropsBuilder;
import dev.meridian.constructs.config.EvalTarget;
import dev.meridian.constructs.config.FailoverDrillPropsBuilder;
import dev.meridian.constructs.config.FallbackProvider;
import dev.meridian.constructs.config.GpuFleetPropsBuilder;
import dev.meridian.constructs.config.HostedApiFallbackPropsBuilder;
import dev.meridian.constructs.config.PinnedVersion;
import dev.meridian.constructs.config.QdrantClusterPropsBuilder;
import dev.meridian.constructs.config.QdrantCollectionDefaults;
import java.util.List;

/**
 * What a site's constructs take from the Topology, set once on either engine's builders through
 * the props builders the twins share: pinned versions, the GPU fleet, the Qdrant cluster, the
 * evals, the gateway and the drill; and where the site's artifacts and snapshots flow. Each
 * engine's site stack adds only what its builders alone take (VPC or network, names, region).
 */
public final class SiteSettings {

  private SiteSettings() {}

  /** The deployment's pinned artifact versions. */
  public static <B extends ArtifactVersionsPropsBuilder<B>> B versions(B builder, Topology topology) {
    Artifacts pinned = topology.deployment().artifacts();
    return builder.deployment(topology.name())
        .modelVersion(pinned.modelVersion())
        .promptVersion(pinned.promptVersion())
        .configVersion(pinned.configVersion());
  }

  /** The site's GPU fleet: its type and size, the serving image and model, the health path, the pinned model version. */
  public static <B extends GpuFleetPropsBuilder<B>> B fleet(B builder, Topology topology, Site site, PinnedVersion modelVersion) {
    Gpu gpu = site.fleet().orElseThrow();
    return builder.instanceType(GpuInstanceType.of(gpu.instanceType()))
        .minCapacity(gpu.min())
        .maxCapacity(gpu.max())
        .machineImage(DeepLearningAmi.UBUNTU_22_04)
        .image(gpu.image())
        .port(gpu.port())
        .healthPath(topology.deployment().dns().healthCheck().path())
        .modelName(gpu.model().name())
        .artifactPrefix(gpu.model().artifact())
        .modelVersion(modelVersion)
        .logRetentionDays(topology.deployment().logging().retentionDays());
  }

  /** The site's Qdrant cluster, its snapshots copied where the Topology flows them. */
  public static <B extends QdrantClusterPropsBuilder<B>> B vectorStore(B builder, Topology topology, Site site,
      VectorStore store) {
    return builder.clusterName(topology.name() + "-" + site.name())
        .nodes(store.nodes())
        .instanceType(store.instanceType())
        .volumeGiB(store.volumeGiB())
        .version(store.version())
        .collectionDefaults(new QdrantCollectionDefaults(store.shards(), store.replicationFactor(),
            QdrantCollectionDefaults.forNodes(store.nodes()).writeConsistencyFactor()))
        .dataClass(store.content() == dev.meridian.blueprints.spec.DataClass.USER ? DataClass.USER : DataClass.ARTIFACT)
        .snapshotBucketName(ResourceNames.vectorSnapshots(topology))
        .snapshotReplicaRegions(regionsFlowingFrom(topology, site, FlowKind.VECTOR_SNAPSHOT_COPY))
        .logRetentionDays(topology.deployment().logging().retentionDays());
  }

  /** The eval suite against every site, standbys included, through their own names. */
  public static <B extends EvalHarnessPropsBuilder<B>> B evals(B builder, Topology topology, Eval eval) {
    return builder.image(eval.image())
        .suiteVersion(topology.deployment().artifacts().configVersion())
        .targets(topology.sites().stream()
            .map(s -> new EvalTarget(s.name(), "https://" + SiteNames.host(topology, s.name()) + "/v1"))
            .toList())
        .schedule(eval.schedule())
        .logRetentionDays(topology.deployment().logging().retentionDays());
  }

  /** The gateway answering from the site's fleet first and from the hosted API when the fleet fails. */
  public static <B extends HostedApiFallbackPropsBuilder<B>> B gateway(B builder, Topology topology, Site site,
      Fallback fallback) {
    if (!fallback.provider().equals("bedrock")) {
      throw new IllegalStateException("fallback.provider " + fallback.provider() + ": only bedrock is rendered");
    }
    return builder.modelName(site.fleet().orElseThrow().model().name())
        .selfHostedApiBase("https://" + SiteNames.host(topology, site.name()) + "/v1")
        .fallback(FallbackProvider.bedrock(fallback.region(), fallback.model()))
        .logRetentionDays(topology.deployment().logging().retentionDays());
  }

  /** The drill's length and schedule. */
  public static <B extends FailoverDrillPropsBuilder<B>> B drill(B builder, Drills drills) {
    return builder.durationMinutes(drills.durationMinutes()).schedule(drills.schedule());
  }

  /** The regions the Topology replicates this site's artifacts to. */
  public static List<String> artifactDestinations(Topology topology, Site site) {
    return regionsFlowingFrom(topology, site, FlowKind.ARTIFACT_REPLICATION);
  }

  /** Whether the site holds the source of the artifacts: it replicates them, or nothing replicates to it. */
  public static boolean holdsArtifactSource(Topology topology, Site site) {
    return !artifactDestinations(topology, site).isEmpty() || topology.flows().stream()
        .noneMatch(f -> f.kind() == FlowKind.ARTIFACT_REPLICATION && f.to().equals(site.name()));
  }

  /** Whether the site holds its jurisdiction's log archive (some site's logs are shipped to it). */
  public static boolean holdsLogArchive(Topology topology, Site site) {
    return topology.sites().stream()
        .anyMatch(other -> topology.logArchiveOf(other.name()).map(Site::name).filter(site.name()::equals).isPresent());
  }

  private static List<String> regionsFlowingFrom(Topology topology, Site site, FlowKind kind) {
    return topology.flows().stream()
        .filter(f -> f.kind() == kind && f.from().equals(site.name()))
        .map(f -> topology.site(f.to()).flatMap(Site::awsRegion).orElseThrow())
        .distinct()
        .toList();
  }
}
