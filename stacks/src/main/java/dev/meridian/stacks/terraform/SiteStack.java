package dev.meridian.stacks.terraform;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3BucketConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlockConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameterConfig;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Gpu;
import dev.meridian.constructs.aws.DeepLearningAmi;
import dev.meridian.constructs.aws.GpuInstanceType;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.PinnedVersion;
import dev.meridian.constructs.config.TagKeys;
import dev.meridian.constructs.terraform.GpuFleet;
import dev.meridian.constructs.terraform.InferenceLogs;
import dev.meridian.constructs.terraform.JurisdictionLogArchive;
import dev.meridian.constructs.terraform.RegionNetwork;
import dev.meridian.stacks.ResourceNames;
import dev.meridian.stacks.StackPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The Terraform stack of one AWS site, with its own state: the region's network, the GPU fleet
 * behind its HTTPS load balancer, the site's artifact bucket, its inference logs shipped to the
 * jurisdiction's archive (and the archive itself when the site holds it), and the load balancer's address
 * published in the region's SSM Parameter Store for the global DNS stack.
 */
final class SiteStack extends TerraformStack {

  /** SSM parameter names (under the site's path) through which the DNS stack finds the load balancer; as in the CDK engine. */
  static final String LB_DNS_NAME = "load-balancer/dns-name";
  static final String LB_ZONE_ID = "load-balancer/canonical-hosted-zone-id";

  private final GpuFleet fleet;

  SiteStack(Construct scope, Topology topology, StackPlan plan, TerraformBackend backend, Path stackDir) {
    super(scope, plan.name());
    StackBase.prepare(this, topology, plan, backend, stackDir);
    Site site = plan.site().orElseThrow();
    Deployment deployment = topology.deployment();

    RegionNetwork network = RegionNetwork.Builder.create(this, "Network").build();
    String artifacts = artifactBucket(topology, site);
    Gpu gpu = site.fleet().orElseThrow();
    this.fleet = GpuFleet.Builder.create(this, "Fleet")
        .network(network)
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
        .modelVersion(PinnedVersion.of(deployment.artifacts().modelVersion()))
        .logRetentionDays(deployment.logging().retentionDays())
        .domainName(deployment.dns().record())
        .hostedZoneId(HostedZones.id(this, deployment.dns()))
        .build();

    logs(topology, site, plan.awsRegion());

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

  /** The site's artifact bucket ({@code <deployment>-artifacts-<account>-<region>}): versioned, encrypted, private, kept. */
  private String artifactBucket(Topology topology, Site site) {
    DataAwsCallerIdentity caller = new DataAwsCallerIdentity(this, "Caller");
    String name = ResourceNames.artifacts(topology).in(caller.getAccountId(), site.awsRegion().orElseThrow());
    S3Bucket bucket = new S3Bucket(this, "Artifacts", S3BucketConfig.builder()
        .bucket(name)
        .tags(Map.of(TagKeys.DATA_CLASS, DataClass.ARTIFACT.tagValue()))
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build())
        .build());
    new S3BucketVersioningA(this, "ArtifactsVersioning", S3BucketVersioningAConfig.builder()
        .bucket(bucket.getId())
        .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build())
        .build());
    new S3BucketServerSideEncryptionConfigurationA(this, "ArtifactsEncryption",
        S3BucketServerSideEncryptionConfigurationAConfig.builder()
            .bucket(bucket.getId())
            .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
                .applyServerSideEncryptionByDefault(S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA
                    .builder().sseAlgorithm("AES256").build())
                .build()))
            .build());
    new S3BucketPublicAccessBlock(this, "ArtifactsPublicAccess", S3BucketPublicAccessBlockConfig.builder()
        .bucket(bucket.getId())
        .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
        .build());
    return bucket.getBucket();
  }
}
