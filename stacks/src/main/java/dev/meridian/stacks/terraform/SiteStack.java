package dev.meridian.stacks.terraform;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmConfig;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameterConfig;
import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Drills;
import dev.meridian.blueprints.spec.Eval;
import dev.meridian.blueprints.spec.Fallback;
import dev.meridian.blueprints.spec.Gpu;
import dev.meridian.blueprints.spec.VectorStore;
import dev.meridian.constructs.aws.DeepLearningAmi;
import dev.meridian.constructs.aws.GpuInstanceType;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.DrillTarget;
import dev.meridian.constructs.config.EvalTarget;
import dev.meridian.constructs.config.FallbackProvider;
import dev.meridian.constructs.config.QdrantCollectionDefaults;
import dev.meridian.constructs.terraform.ArtifactBucket;
import dev.meridian.constructs.terraform.ArtifactVersions;
import dev.meridian.constructs.terraform.ArtifactSync;
import dev.meridian.constructs.terraform.EvalHarness;
import dev.meridian.constructs.terraform.EvalResultsBucket;
import dev.meridian.constructs.terraform.FailoverDrill;
import dev.meridian.constructs.terraform.GpuFleet;
import dev.meridian.constructs.terraform.HostedApiFallback;
import dev.meridian.constructs.terraform.InferenceLogs;
import dev.meridian.constructs.terraform.JurisdictionLogArchive;
import dev.meridian.constructs.terraform.QdrantCluster;
import dev.meridian.constructs.terraform.RegionNetwork;
import dev.meridian.constructs.terraform.StandbyActivation;
import dev.meridian.constructs.dns.DnsFailoverProps;
import dev.meridian.stacks.DrillAbortSwitch;
import dev.meridian.stacks.ResourceNames;
import dev.meridian.stacks.SiteNames;
import dev.meridian.stacks.StackPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The Terraform stack of one AWS site, with its own state: the region's network, the pinned
 * artifact versions (read by the fleet at boot), the GPU fleet
 * behind its HTTPS load balancer, the site's artifact bucket, its inference logs shipped to the
 * jurisdiction's archive (and the archive itself when the site holds it), its Qdrant cluster, the
 * eval runs when the site runs them, the hosted-API gateway when the spec has a fallback, the
 * drill when the site is the one drilled, the activation that wakes a pilot-light standby when the
 * primary fails, and the load balancer's address published in the
 * region's SSM Parameter Store for the global DNS stack — as the CDK engine's site stack.
 */
final class SiteStack extends TerraformStack {

  /** SSM parameter names (under the site's path) through which the DNS stack finds the load balancer; as in the CDK engine. */
  static final String LB_DNS_NAME = "load-balancer/dns-name";
  static final String LB_ZONE_ID = "load-balancer/canonical-hosted-zone-id";

  private final GpuFleet fleet;

  SiteStack(Construct scope, Topology topology, StackPlan plan, TerraformBackend backend, int levelsToStateBase) {
    super(scope, plan.name());
    StackBase.prepare(this, topology, plan, backend, levelsToStateBase);
    Site site = plan.site().orElseThrow();
    Deployment deployment = topology.deployment();

    RegionNetwork network = RegionNetwork.Builder.create(this, "Network").build();
    ArtifactVersions versions = ArtifactVersions.Builder.create(this, "ArtifactVersions")
        .deployment(topology.name())
        .modelVersion(deployment.artifacts().modelVersion())
        .promptVersion(deployment.artifacts().promptVersion())
        .configVersion(deployment.artifacts().configVersion())
        .build();
    String artifacts = artifactBucket(topology, site);
    Gpu gpu = site.fleet().orElseThrow();
    String region = plan.awsRegion();
    this.fleet = GpuFleet.Builder.create(this, "Fleet")
        .network(network)
        .region(region)
        .instanceType(GpuInstanceType.of(gpu.instanceType()))
        .minCapacity(gpu.min())
        .maxCapacity(gpu.max())
        .machineImage(DeepLearningAmi.UBUNTU_22_04)
        .image(gpu.image())
        .port(gpu.port())
        .healthPath(deployment.dns().healthCheck().path())
        .modelName(gpu.model().name())
        .artifactBucketName(artifacts)
        .artifactPrefix(gpu.model().artifact())
        .modelVersion(versions.modelVersion())
        .startAfter(versions.getParameters())
        .logRetentionDays(deployment.logging().retentionDays())
        .domainName(deployment.dns().record())
        .hostedZoneId(HostedZones.id(this, deployment.dns()))
        .build();

    logs(topology, site, region);
    site.vectorStore().ifPresent(store -> vectorStore(topology, site, store, network, region));
    evals(topology, site, network, region);
    deployment.fallback().ifPresent(fallback -> fallback(topology, site, fallback, network, region));
    deployment.drills().filter(drills -> SiteNames.drilledSite(topology).filter(site::equals).isPresent())
        .ifPresent(drills -> drill(topology, site, drills, network, region));
    if (SiteNames.pilotLights(topology).contains(site)) {
      StandbyActivation.Builder.create(this, "Activation")
          .autoScalingGroupName(fleet.getAutoScalingGroup().getName())
          .alarmName(DnsFailoverProps.alarmName(topology.name(), SiteNames.primary(topology).orElseThrow().name()))
          .region(region)
          .logRetentionDays(deployment.logging().retentionDays())
          .name(topology.name() + "-" + site.name() + "-activation")
          .build();
    }

    new SsmParameter(this, "LoadBalancerDnsName", SsmParameterConfig.builder()
        .name(ResourceNames.siteParameter(topology, site.name(), LB_DNS_NAME))
        .description("DNS name of the site's load balancer, read by the global DNS stack at plan time")
        .type("String")
        .value(fleet.getLoadBalancer().getDnsName())
        .build());
    new SsmParameter(this, "LoadBalancerZoneId", SsmParameterConfig.builder()
        .name(ResourceNames.siteParameter(topology, site.name(), LB_ZONE_ID))
        .description("Canonical hosted zone of the site's load balancer, read by the global DNS stack at plan time")
        .type("String")
        .value(fleet.getLoadBalancer().getZoneId())
        .build());
    StackBase.tagAll(this, StackBase.placementTags(topology, plan));
  }

  /** Runs the eval suite against every site (standbys included) when this site runs the evals. */
  private void evals(Topology topology, Site site, RegionNetwork network, String region) {
    Optional<Eval> eval = topology.deployment().eval();
    if (eval.isEmpty() || SiteNames.evalSite(topology).filter(site::equals).isEmpty()) {
      return;
    }
    String results = EvalResultsBucket.Builder.create(this, "EvalResults")
        .bucketName(ResourceNames.evalResults(topology))
        .region(region)
        .build()
        .getBucket()
        .getBucket();
    EvalHarness.Builder.create(this, "Evals")
        .network(network)
        .image(eval.get().image())
        .suiteVersion(topology.deployment().artifacts().configVersion())
        .targets(topology.sites().stream()
            .map(s -> new EvalTarget(s.name(), "https://" + SiteNames.host(topology, s.name()) + "/v1"))
            .toList())
        .resultsBucketName(results)
        .region(region)
        .schedule(eval.get().schedule())
        .logRetentionDays(topology.deployment().logging().retentionDays())
        .name(topology.name() + "-evals")
        .build();
  }

  /** The gateway answering from the fleet first and from the hosted API when the fleet fails. */
  private void fallback(Topology topology, Site site, Fallback fallback, RegionNetwork network, String region) {
    if (!fallback.provider().equals("bedrock")) {
      throw new IllegalStateException("fallback.provider " + fallback.provider() + ": only bedrock is rendered by the Terraform engine");
    }
    HostedApiFallback.Builder.create(this, "Gateway")
        .network(network)
        .listenerArn(fleet.getHttpsListener().getArn())
        .loadBalancerSecurityGroupId(fleet.getLoadBalancerSecurityGroup().getId())
        .fleetTargetGroupArn(fleet.getTargetGroup().getArn())
        .modelName(site.fleet().orElseThrow().model().name())
        .selfHostedApiBase("https://" + SiteNames.host(topology, site.name()) + "/v1")
        .fallback(FallbackProvider.bedrock(fallback.region(), fallback.model()))
        .region(region)
        .name(topology.name() + "-" + site.name())
        .logRetentionDays(topology.deployment().logging().retentionDays())
        .build();
  }

  /** A scheduled drill that stops this site's fleet, stopped early by the {@link DrillAbortSwitch}. */
  private void drill(Topology topology, Site site, Drills drills, RegionNetwork network, String region) {
    CloudwatchMetricAlarm abort = new CloudwatchMetricAlarm(this, "DrillAbort", CloudwatchMetricAlarmConfig.builder()
        .alarmName(topology.name() + "-" + site.name() + "-drill-abort")
        .alarmDescription(DrillAbortSwitch.description(topology, site))
        .namespace(DrillAbortSwitch.NAMESPACE)
        .metricName(DrillAbortSwitch.METRIC)
        .dimensions(Map.of(DrillAbortSwitch.DIMENSION, topology.name()))
        .statistic("Maximum")
        .period(60)
        .evaluationPeriods(1)
        .threshold(1)
        .comparisonOperator("GreaterThanOrEqualToThreshold")
        .treatMissingData("notBreaching")
        .build());
    FailoverDrill.Builder.create(this, "Drill")
        .target(DrillTarget.gpuSite(topology.name(), site.name(), fleet.getAutoScalingGroup().getName(),
            network.getPrivateSubnets().stream().map(Subnet::getAvailabilityZone).toList()))
        .stopConditionAlarmArns(List.of(abort.getArn()))
        .durationMinutes(drills.durationMinutes())
        .schedule(drills.schedule())
        .region(region)
        .name(topology.name() + "-" + site.name() + "-drill")
        .build();
  }

  /** The site's Qdrant cluster, queried by the fleet, snapshots copied where the Topology flows them. */
  private void vectorStore(Topology topology, Site site, VectorStore store, RegionNetwork network, String region) {
    QdrantCluster.Builder.create(this, "VectorStore")
        .network(network)
        .region(region)
        .clusterName(topology.name() + "-" + site.name())
        .nodes(store.nodes())
        .instanceType(store.instanceType())
        .volumeGiB(store.volumeGiB())
        .version(store.version())
        .collectionDefaults(new QdrantCollectionDefaults(store.shards(), store.replicationFactor(),
            QdrantCollectionDefaults.forNodes(store.nodes()).writeConsistencyFactor()))
        .clientSecurityGroupIds(List.of(fleet.getSecurityGroup().getId()))
        .dataClass(store.content() == dev.meridian.blueprints.spec.DataClass.USER ? DataClass.USER : DataClass.ARTIFACT)
        .snapshotBucketName(ResourceNames.vectorSnapshots(topology))
        .snapshotReplicaRegions(topology.flows().stream()
            .filter(f -> f.kind() == FlowKind.VECTOR_SNAPSHOT_COPY && f.from().equals(site.name()))
            .map(f -> topology.site(f.to()).flatMap(Site::awsRegion).orElseThrow())
            .distinct()
            .toList())
        .logRetentionDays(topology.deployment().logging().retentionDays())
        .build();
  }

  /** Ships this site's inference logs to its jurisdiction's archive; holds the archive if it is this site. */
  private void logs(Topology topology, Site site, String region) {
    boolean holdsArchive = topology.sites().stream()
        .anyMatch(other -> topology.logArchiveOf(other.name()).map(Site::name).filter(site.name()::equals).isPresent());
    if (holdsArchive) {
      JurisdictionLogArchive.Builder.create(this, "LogArchive")
          .bucketName(ResourceNames.logArchive(topology, site.jurisdiction()))
          .region(region)
          .build();
    }
    topology.logArchiveOf(site.name()).ifPresent(archive -> InferenceLogs.Builder.create(this, "InferenceLogs")
        .site(site.name())
        .region(region)
        .archive(ResourceNames.logArchive(topology, archive.jurisdiction()), archive.awsRegion().orElseThrow())
        .logGroupName(fleet.getLogGroup().getName())
        .streamName(topology.name() + "-" + site.name() + "-inference-logs")
        .build());
  }

  /**
   * The site's artifact bucket ({@code <deployment>-artifacts-<account>-<region>}): the source,
   * replicating to every site the Topology flows artifacts to, or a replica.
   */
  private String artifactBucket(Topology topology, Site site) {
    String region = site.awsRegion().orElseThrow();
    List<String> destinations = topology.flows().stream()
        .filter(f -> f.kind() == FlowKind.ARTIFACT_REPLICATION && f.from().equals(site.name()))
        .map(f -> topology.site(f.to()).flatMap(Site::awsRegion).orElseThrow())
        .distinct()
        .toList();
    boolean isSource = !destinations.isEmpty() || topology.flows().stream()
        .noneMatch(f -> f.kind() == FlowKind.ARTIFACT_REPLICATION && f.to().equals(site.name()));
    if (isSource) {
      return ArtifactSync.Builder.create(this, "Artifacts")
          .bucketName(ResourceNames.artifacts(topology))
          .region(region)
          .destinationRegions(destinations)
          .build()
          .getSource()
          .getBucket();
    }
    return ArtifactBucket.Builder.create(this, "Artifacts")
        .bucketName(ResourceNames.artifacts(topology))
        .region(region)
        .build()
        .getBucket()
        .getBucket();
  }
}
