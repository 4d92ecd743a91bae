package dev.meridian.stacks.cdk;

import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.VectorStore;
import dev.meridian.constructs.aws.ArtifactBucket;
import dev.meridian.constructs.aws.ArtifactSync;
import dev.meridian.constructs.aws.ArtifactVersions;
import dev.meridian.constructs.aws.GpuFleet;
import dev.meridian.constructs.aws.InferenceLogs;
import dev.meridian.constructs.aws.JurisdictionLogArchive;
import dev.meridian.constructs.aws.QdrantCluster;
import dev.meridian.constructs.aws.StandbyActivation;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.stacks.DrillAbortSwitch;
import dev.meridian.stacks.ResourceNames;
import dev.meridian.stacks.SiteNames;
import dev.meridian.stacks.SiteSettings;
import dev.meridian.stacks.StackPlan;
import java.util.List;
import java.util.Optional;
import dev.meridian.blueprints.spec.Drills;
import dev.meridian.blueprints.spec.Eval;
import dev.meridian.blueprints.spec.Fallback;
import dev.meridian.constructs.config.DrillTarget;
import dev.meridian.constructs.aws.EvalHarness;
import dev.meridian.constructs.aws.FailoverDrill;
import dev.meridian.constructs.aws.HostedApiFallback;
import dev.meridian.constructs.config.TagKeys;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * Everything one AWS site of a deployment runs, in the site's region: its network, the pinned
 * artifact versions and its copy of the artifacts (the source bucket when the site is the hub or
 * primary), the GPU fleet behind its load balancer, its inference logs shipped to the
 * jurisdiction's archive (and the archive itself when the site holds it), its Qdrant cluster,
 * the activation that wakes it when it is a pilot-light standby and the primary fails, and the
 * load balancer's address published for the global DNS stack.
 */
final class SiteStack extends Stack {

  /** SSM parameter names (under the site's path) through which the DNS stack finds the load balancer. */
  static final String LB_DNS_NAME = "load-balancer/dns-name";
  static final String LB_ZONE_ID = "load-balancer/canonical-hosted-zone-id";

  private final GpuFleet fleet;

  SiteStack(Construct scope, Topology topology, StackPlan plan) {
    super(scope, plan.name(), MeridianStacks.props(topology, plan));
    Site site = plan.site().orElseThrow();
    Deployment deployment = topology.deployment();

    var network = dev.meridian.constructs.aws.RegionNetwork.Builder.create(this, "Network").build();
    NagExceptions.network(network);

    ArtifactVersions versions = SiteSettings.versions(ArtifactVersions.Builder.create(this, "ArtifactVersions"), topology)
        .build();
    IBucket artifacts = artifactBucket(topology, site);

    this.fleet = SiteSettings.fleet(GpuFleet.Builder.create(this, "Fleet"), topology, site, versions.modelVersion())
        .vpc(network.getVpc())
        .artifactBucket(artifacts)
        .certificate(certificate(topology, site))
        .build();
    NagExceptions.fleet(fleet);
    versions.grantRead(fleet.getRole());
    // Instances read the pinned model version at boot: the group starts after its parameter exists.
    fleet.getAutoScalingGroup().getNode().addDependency(versions);

    logs(topology, site);
    site.vectorStore().ifPresent(store -> vectorStore(topology, site, store, network.getVpc()));
    evals(topology, site, network.getVpc());
    deployment.fallback().ifPresent(fallback -> fallback(topology, site, fallback, network.getVpc()));
    deployment.drills().filter(drills -> SiteNames.drilledSite(topology).filter(site::equals).isPresent())
        .ifPresent(drills -> drill(topology, site, drills, network.getVpc()));
    if (SiteNames.pilotLights(topology).contains(site)) {
      NagExceptions.activation(StandbyActivation.Builder.create(this, "Activation")
          .autoScalingGroupName(fleet.getAutoScalingGroup().getAutoScalingGroupName())
          .alarmName(SiteNames.primaryHealthAlarm(topology))
          .logRetentionDays(deployment.logging().retentionDays())
          .build());
    }

    StringParameter.Builder.create(this, "LoadBalancerDnsName")
        .parameterName(ResourceNames.siteParameter(topology, site.name(), LB_DNS_NAME))
        .description("DNS name of the site's load balancer, read by the global DNS stack at deploy time")
        .stringValue(fleet.getLoadBalancer().getLoadBalancerDnsName())
        .build();
    StringParameter.Builder.create(this, "LoadBalancerZoneId")
        .parameterName(ResourceNames.siteParameter(topology, site.name(), LB_ZONE_ID))
        .description("Canonical hosted zone of the site's load balancer, read by the global DNS stack at deploy time")
        .stringValue(fleet.getLoadBalancer().getLoadBalancerCanonicalHostedZoneId())
        .build();
  }

  /**
   * The region's zones as CloudFormation resolves them ({@code Fn::GetAZs}) rather than CDK's
   * context look-up, which a stack with an account would otherwise record: synth then needs no
   * AWS credentials and the assembly no {@code cdk context} step, with or without an account.
   */
  @Override
  public List<String> getAvailabilityZones() {
    return List.of(Fn.select(0, Fn.getAzs()), Fn.select(1, Fn.getAzs()), Fn.select(2, Fn.getAzs()));
  }

  /** Runs the eval suite against every site (standbys included) when this site runs the evals. */
  private void evals(Topology topology, Site site, IVpc vpc) {
    Optional<Eval> eval = topology.deployment().eval();
    if (eval.isEmpty() || !SiteNames.evalSite(topology).filter(site::equals).isPresent()) {
      return;
    }
    Bucket results = Bucket.Builder.create(this, "EvalResults")
        .bucketName(ResourceNames.evalResults(topology).in(getAccount(), getRegion()))
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .versioned(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Tags.of(results).add(TagKeys.DATA_CLASS, DataClass.DERIVED.tagValue());
    NagExceptions.bucket(results);
    EvalHarness evals = SiteSettings.evals(EvalHarness.Builder.create(this, "Evals"), topology, eval.get())
        .vpc(vpc)
        .resultsBucket(results)
        .build();
    NagExceptions.evals(evals);
  }

  /** The gateway answering from the fleet first and from the hosted API when the fleet fails. */
  private void fallback(Topology topology, Site site, Fallback fallback, IVpc vpc) {
    HostedApiFallback gateway = SiteSettings.gateway(HostedApiFallback.Builder.create(this, "Gateway"), topology, site, fallback)
        .vpc(vpc)
        .listener(fleet.getHttpsListener())
        .fleetTargetGroup(fleet.getTargetGroup())
        .build();
    NagExceptions.gateway(gateway);
  }

  /** A scheduled drill that stops this site's fleet, stopped early by the {@link DrillAbortSwitch}. */
  private void drill(Topology topology, Site site, Drills drills, IVpc vpc) {
    Alarm abort = Alarm.Builder.create(this, "DrillAbort")
        .alarmDescription(DrillAbortSwitch.description(topology, site))
        .metric(Metric.Builder.create()
            .namespace(DrillAbortSwitch.NAMESPACE)
            .metricName(DrillAbortSwitch.METRIC)
            .dimensionsMap(java.util.Map.of(DrillAbortSwitch.DIMENSION, topology.name()))
            .statistic("Maximum")
            .period(Duration.minutes(1))
            .build())
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    FailoverDrill drill = SiteSettings.drill(FailoverDrill.Builder.create(this, "Drill"), drills)
        .target(DrillTarget.gpuSite(topology.name(), site.name(),
            fleet.getAutoScalingGroup().getAutoScalingGroupName(), vpc.getAvailabilityZones()))
        .stopConditions(List.of(abort))
        .build();
    NagExceptions.drill(drill);
  }

  /** The source bucket where artifacts replicate from this site, else this region's replica. */
  private IBucket artifactBucket(Topology topology, Site site) {
    if (SiteSettings.holdsArtifactSource(topology, site)) {
      ArtifactSync sync = ArtifactSync.Builder.create(this, "Artifacts")
          .bucketName(ResourceNames.artifacts(topology))
          .destinationRegions(SiteSettings.artifactDestinations(topology, site))
          .build();
      NagExceptions.bucket(sync.getSource().getBucket());
      sync.getReplicationRole().ifPresent(role -> NagExceptions.scopedWildcards(role,
          "the source bucket's object versions and the destination buckets' objects"));
      return sync.getSource().getBucket();
    }
    ArtifactBucket replica = ArtifactBucket.Builder.create(this, "Artifacts")
        .bucketName(ResourceNames.artifacts(topology))
        .build();
    NagExceptions.bucket(replica.getBucket());
    return replica.getBucket();
  }

  /**
   * The load balancer's certificate for the deployment's record and the site's own name
   * ({@code <site>.<record>}, which evals and operators use): DNS-validated in the hosted zone when
   * the spec names its id; otherwise ACM waits until the validation records are added by hand.
   */
  private Certificate certificate(Topology topology, Site site) {
    var dns = topology.deployment().dns();
    Optional<String> zoneId = dns.hostedZoneId();
    CertificateValidation validation = zoneId
        .map(id -> CertificateValidation.fromDns(HostedZone.fromHostedZoneAttributes(this, "Zone",
            HostedZoneAttributes.builder().hostedZoneId(id).zoneName(dns.zone()).build())))
        .orElseGet(CertificateValidation::fromDns);
    return Certificate.Builder.create(this, "Certificate")
        .domainName(dns.record())
        .subjectAlternativeNames(List.of(SiteNames.host(topology, site.name())))
        .validation(validation)
        .build();
  }

  /** Ships this site's inference logs to its jurisdiction's archive; holds the archive if it is this site. */
  private void logs(Topology topology, Site site) {
    if (SiteSettings.holdsLogArchive(topology, site)) {
      NagExceptions.bucket(JurisdictionLogArchive.Builder.create(this, "LogArchive")
          .bucketName(ResourceNames.logArchive(topology, site.jurisdiction()))
          .build()
          .getBucket());
    }
    topology.logArchiveOf(site.name()).ifPresent(archive -> {
      InferenceLogs logs = InferenceLogs.Builder.create(this, "InferenceLogs")
          .site(site.name())
          .archive(ResourceNames.logArchive(topology, archive.jurisdiction()), archive.awsRegion().orElseThrow())
          .logGroup(fleet.getLogGroup())
          .build();
      NagExceptions.logs(logs);
    });
  }

  private void vectorStore(Topology topology, Site site, VectorStore store, IVpc vpc) {
    QdrantCluster cluster = SiteSettings.vectorStore(QdrantCluster.Builder.create(this, "VectorStore"), topology, site, store)
        .vpc(vpc)
        .clients(List.of(fleet))
        .build();
    NagExceptions.vectorStore(cluster);
  }
}
