package dev.meridian.stacks.terraform;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmConfig;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameterConfig;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Drills;
import dev.meridian.blueprints.spec.Eval;
import dev.meridian.blueprints.spec.Fallback;
import dev.meridian.blueprints.spec.VectorStore;
import dev.meridian.constructs.config.DrillTarget;
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
import dev.meridian.stacks.DrillAbortSwitch;
import dev.meridian.stacks.ResourceNames;
import dev.meridian.stacks.SiteNames;
import dev.meridian.stacks.SiteSettings;
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
    ArtifactVersions versions = SiteSettings.versions(ArtifactVersions.Builder.create(this, "ArtifactVersions"), topology)
        .build();
    String artifacts = artifactBucket(topology, site);
    String region = plan.awsRegion();
    this.fleet = SiteSettings.fleet(GpuFleet.Builder.create(this, "Fleet"), topology, site, versions.modelVersion())
        .network(network)
        .region(region)
        .artifactBucketName(artifacts)
        .startAfter(versions.getParameters())
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
          .alarmName(SiteNames.primaryHealthAlarm(topology))
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
    SiteSettings.evals(EvalHarness.Builder.create(this, "Evals"), topology, eval.get())
        .network(network)
        .resultsBucketName(results)
        .region(region)
        .name(topology.name() + "-evals")
        .build();
  }

  /** The gateway answering from the fleet first and from the hosted API when the fleet fails. */
  private void fallback(Topology topology, Site site, Fallback fallback, RegionNetwork network, String region) {
    SiteSettings.gateway(HostedApiFallback.Builder.create(this, "Gateway"), topology, site, fallback)
        .network(network)
        .listenerArn(fleet.getHttpsListener().getArn())
        .loadBalancerSecurityGroupId(fleet.getLoadBalancerSecurityGroup().getId())
        .fleetTargetGroupArn(fleet.getTargetGroup().getArn())
        .region(region)
        .name(topology.name() + "-" + site.name())
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
    SiteSettings.drill(FailoverDrill.Builder.create(this, "Drill"), drills)
        .target(DrillTarget.gpuSite(topology.name(), site.name(), fleet.getAutoScalingGroup().getName(),
            network.getPrivateSubnets().stream().map(Subnet::getAvailabilityZone).toList()))
        .stopConditionAlarmArns(List.of(abort.getArn()))
        .region(region)
        .name(topology.name() + "-" + site.name() + "-drill")
        .build();
  }

  /** The site's Qdrant cluster, queried by the fleet, snapshots copied where the Topology flows them. */
  private void vectorStore(Topology topology, Site site, VectorStore store, RegionNetwork network, String region) {
    SiteSettings.vectorStore(QdrantCluster.Builder.create(this, "VectorStore"), topology, site, store)
        .network(network)
        .region(region)
        .clientSecurityGroupIds(List.of(fleet.getSecurityGroup().getId()))
        .build();
  }

  /** Ships this site's inference logs to its jurisdiction's archive; holds the archive if it is this site. */
  private void logs(Topology topology, Site site, String region) {
    if (SiteSettings.holdsLogArchive(topology, site)) {
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
    if (SiteSettings.holdsArtifactSource(topology, site)) {
      return ArtifactSync.Builder.create(this, "Artifacts")
          .bucketName(ResourceNames.artifacts(topology))
          .region(region)
          .destinationRegions(SiteSettings.artifactDestinations(topology, site))
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
