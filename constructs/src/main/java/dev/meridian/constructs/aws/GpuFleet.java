package dev.meridian.constructs.aws;

import dev.meridian.constructs.aws.internal.EncryptedLogGroups;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.GpuFleetProps;
import dev.meridian.constructs.config.GpuFleetPropsBuilder;
import dev.meridian.constructs.config.GpuHostUserData;
import dev.meridian.constructs.config.TagKeys;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthCheckType;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthChecksOptions;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.HealthChecks;
import software.amazon.awscdk.services.autoscaling.RequestCountScalingProps;
import software.amazon.awscdk.services.autoscaling.TargetTrackingScalingPolicy;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.Connections;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.OperatingSystemType;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SsmParameterImageOptions;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * A fleet of GPU servers in one region serving one model over HTTPS: "serve this model, at
 * this version, on these GPUs, behind this name". It creates an Auto Scaling group of GPU
 * instances booting the {@link DeepLearningAmi} (image id read from AWS's public SSM parameter
 * at deploy time), each copying the pinned model artifact from S3 and running vLLM's
 * OpenAI-compatible server (see {@link GpuHostUserData}); an internet-facing Application Load
 * Balancer with an HTTPS listener (HTTP redirects to HTTPS) and a long idle timeout for
 * streamed completions; a target group checking the server's health path; target tracking on
 * requests per instance; and a least-privilege instance role.
 *
 * <p>Data it keeps: container logs in a KMS-encrypted log group and ALB access logs in an
 * encrypted bucket, both {@code meridian:data-class=user} (they hold requests and client
 * addresses) and retained; instances and their encrypted root volumes are tagged {@code user}
 * too (they process prompts).
 *
 * <p>Minimum capacity 0 is a pilot light: nothing runs and the load balancer answers 503 until
 * something raises the minimum (a {@link StandbyActivation} on the primary's health alarm, an
 * operator). Traffic cannot scale the fleet up from zero, because Route 53's health checkers
 * alone keep requests coming.
 *
 * <p>Props — required: {@code vpc}, {@code modelName}, {@code artifactBucket},
 * {@code artifactPrefix}, {@code modelVersion}, and either {@code certificate} or
 * {@code domainName} with {@code hostedZone}. Optional, with defaults:
 * {@code instanceType} g6.xlarge; {@code minCapacity} 1; {@code maxCapacity} 4;
 * {@code machineImage} Ubuntu 22.04 DLAMI; {@code image} {@code vllm/vllm-openai:v0.6.3};
 * {@code port} 8000; {@code healthPath} {@code /health}; {@code extraServerArguments} none;
 * {@code rootVolumeGiB} 200; {@code idleTimeoutSeconds} 600; {@code warmUpSeconds} 900;
 * {@code requestsPerInstancePerMinute} 60; {@code logRetentionDays} 30.
 */
public final class GpuFleet extends Construct implements IConnectable {

  private final Role role;
  private final SecurityGroup securityGroup;
  private final LaunchTemplate launchTemplate;
  private final AutoScalingGroup autoScalingGroup;
  private final ApplicationLoadBalancer loadBalancer;
  private final ApplicationListener httpsListener;
  private final ApplicationTargetGroup targetGroup;
  private final ICertificate certificate;
  private final LogGroup logGroup;
  private final Bucket accessLogsBucket;
  private final TargetTrackingScalingPolicy scalingPolicy;

  private GpuFleet(Construct scope, String id, Builder props) {
    super(scope, id);
    GpuFleetProps common = props.validate();

    this.logGroup = EncryptedLogGroups.create(this, "ServingLogs", "GPU fleet serving", common.logRetentionDays(),
        DataClass.USER);
    GpuHostUserData hostUserData = new GpuHostUserData(common.image(), common.port(), common.modelName(),
        props.artifactBucket.getBucketName(), common.artifactPrefix(), common.modelVersion(), logGroup.getLogGroupName(),
        common.extraServerArguments());

    this.role = Role.Builder.create(this, "InstanceRole")
        .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
        .description("GPU fleet instances: SSM management, model artifact read, serving logs")
        .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore")))
        .build();
    props.artifactBucket.grantRead(role, common.artifactObjectPrefix() + "*");
    common.modelVersion().ssmParameter().ifPresent(parameter -> role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("ssm:GetParameter"))
        .resources(List.of(Stack.of(this).formatArn(ArnComponents.builder()
            .service("ssm").resource("parameter").resourceName(parameter.substring(1)).build())))
        .build()));
    logGroup.grantWrite(role);

    this.securityGroup = SecurityGroup.Builder.create(this, "InstanceSecurityGroup")
        .vpc(props.vpc)
        .description("GPU fleet instances: server port from the load balancer; egress for images and AWS APIs")
        .allowAllOutbound(true)
        .build();
    this.launchTemplate = LaunchTemplate.Builder.create(this, "LaunchTemplate")
        .machineImage(MachineImage.fromSsmParameter(common.machineImage().ssmParameter(),
            SsmParameterImageOptions.builder().os(OperatingSystemType.LINUX).build()))
        .instanceType(new InstanceType(common.instanceType().name()))
        .role(role)
        .securityGroup(securityGroup)
        .userData(UserData.custom(hostUserData.script()))
        .requireImdsv2(true)
        .blockDevices(List.of(BlockDevice.builder()
            .deviceName(common.machineImage().rootDeviceName())
            .volume(BlockDeviceVolume.ebs(common.rootVolumeGiB(), EbsDeviceOptions.builder()
                .volumeType(EbsDeviceVolumeType.GP3).encrypted(true).deleteOnTermination(true).build()))
            .build()))
        .build();
    Tags.of(launchTemplate).add(TagKeys.DATA_CLASS, DataClass.USER.tagValue());

    this.autoScalingGroup = AutoScalingGroup.Builder.create(this, "Group")
        .vpc(props.vpc)
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
        .launchTemplate(launchTemplate)
        .minCapacity(common.minCapacity())
        .maxCapacity(common.maxCapacity())
        .healthChecks(HealthChecks.withAdditionalChecks(AdditionalHealthChecksOptions.builder()
            .additionalTypes(List.of(AdditionalHealthCheckType.ELB))
            .gracePeriod(Duration.seconds(common.warmUpSeconds()))
            .build()))
        .defaultInstanceWarmup(Duration.seconds(common.warmUpSeconds()))
        .build();
    // Instances read the model (and its pinned version) at boot, once: their role's policy,
    // grants added later included, must exist before the group launches any.
    autoScalingGroup.getNode().addDependency(role);

    this.accessLogsBucket = Bucket.Builder.create(this, "AccessLogs")
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(common.logRetentionDays())).build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Tags.of(accessLogsBucket).add(TagKeys.DATA_CLASS, DataClass.USER.tagValue());

    this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
        .vpc(props.vpc)
        .internetFacing(true)
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
        .idleTimeout(Duration.seconds(common.idleTimeoutSeconds()))
        .dropInvalidHeaderFields(true)
        .build();
    if (Token.isUnresolved(Stack.of(this).getRegion())) {
      Annotations.of(this).addWarningV2("meridian:gpuFleetAccessLogs",
          "ALB access logs are off: they need a stack with a concrete region (the log delivery principal differs per region)");
    } else {
      loadBalancer.logAccessLogs(accessLogsBucket);
    }

    this.targetGroup = ApplicationTargetGroup.Builder.create(this, "TargetGroup")
        .vpc(props.vpc)
        .port(common.port())
        .protocol(ApplicationProtocol.HTTP)
        .targetType(TargetType.INSTANCE)
        .healthCheck(HealthCheck.builder()
            .path(common.healthPath())
            .port(String.valueOf(common.port()))
            .healthyHttpCodes("200")
            .interval(Duration.seconds(15))
            .timeout(Duration.seconds(5))
            .healthyThresholdCount(2)
            .unhealthyThresholdCount(3)
            .build())
        .deregistrationDelay(Duration.seconds(Math.min(common.idleTimeoutSeconds(), 3600)))
        .targets(List.of(autoScalingGroup))
        .build();

    this.certificate = props.certificate != null ? props.certificate : Certificate.Builder.create(this, "Certificate")
        .domainName(common.domainName())
        .validation(CertificateValidation.fromDns(props.hostedZone))
        .build();
    this.httpsListener = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
        .port(443)
        .protocol(ApplicationProtocol.HTTPS)
        .certificates(List.of(ListenerCertificate.fromCertificateManager(certificate)))
        .sslPolicy(SslPolicy.RECOMMENDED_TLS)
        .defaultTargetGroups(List.of(targetGroup))
        .build());
    loadBalancer.addRedirect();

    this.scalingPolicy = autoScalingGroup.scaleOnRequestCount("RequestsPerInstance", RequestCountScalingProps.builder()
        .targetRequestsPerMinute(common.requestsPerInstancePerMinute())
        .build());
  }

  /** The instances' security group connections: allow the fleet to reach a data store with these. */
  @Override
  public Connections getConnections() {
    return securityGroup.getConnections();
  }

  /** The instance role; grant it access to what the model server needs. */
  public IRole getRole() {
    return role;
  }

  /** The instances' security group. */
  public SecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /** The launch template (image, type, role, user data, IMDSv2, root volume). */
  public LaunchTemplate getLaunchTemplate() {
    return launchTemplate;
  }

  /** The Auto Scaling group. */
  public AutoScalingGroup getAutoScalingGroup() {
    return autoScalingGroup;
  }

  /** The internet-facing load balancer; a DNS target via its DNS name and canonical hosted zone id. */
  public ApplicationLoadBalancer getLoadBalancer() {
    return loadBalancer;
  }

  /** The HTTPS listener on 443. */
  public ApplicationListener getHttpsListener() {
    return httpsListener;
  }

  /** The target group of the instances on the server port. */
  public ApplicationTargetGroup getTargetGroup() {
    return targetGroup;
  }

  /** The listener's certificate, given or created. */
  public ICertificate getCertificate() {
    return certificate;
  }

  /** The log group receiving the serving containers' output. */
  public LogGroup getLogGroup() {
    return logGroup;
  }

  /** The bucket receiving the load balancer's access logs. */
  public Bucket getAccessLogsBucket() {
    return accessLogsBucket;
  }

  /** The target-tracking policy on requests per instance. */
  public TargetTrackingScalingPolicy getScalingPolicy() {
    return scalingPolicy;
  }

  /** Builds a {@link GpuFleet}; the shared props setters are {@link GpuFleetPropsBuilder}'s. */
  public static final class Builder extends GpuFleetPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private IVpc vpc;
    private IBucket artifactBucket;
    private ICertificate certificate;
    private IHostedZone hostedZone;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a fleet {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The VPC: instances go to its private subnets with egress, the load balancer to its public subnets. Required. */
    public Builder vpc(IVpc vpc) {
      this.vpc = vpc;
      return this;
    }

    /** The bucket holding model artifacts; the fleet may read only below {@code artifactPrefix}. Required. */
    public Builder artifactBucket(IBucket artifactBucket) {
      this.artifactBucket = artifactBucket;
      return this;
    }

    /** The HTTPS listener's certificate. @default one created for {@code domainName}, DNS-validated in {@code hostedZone} */
    public Builder certificate(ICertificate certificate) {
      this.certificate = certificate;
      return this;
    }

    /** The zone validating the created certificate. @default none */
    public Builder hostedZone(IHostedZone hostedZone) {
      this.hostedZone = hostedZone;
      return this;
    }

    /** The fleet. */
    public GpuFleet build() {
      return new GpuFleet(scope, id, this);
    }

    private GpuFleetProps validate() {
      require(vpc != null, "vpc: missing; pass the region's VPC (e.g. RegionNetwork.getVpc())");
      GpuFleetProps common = props();
      require(artifactBucket != null, "artifactBucket: missing; pass the bucket holding model artifacts");
      if (certificate != null) {
        require(common.domainName() == null && hostedZone == null,
            "certificate: given together with domainName/hostedZone; pass either a certificate or both of those");
      } else {
        require(common.domainName() != null && hostedZone != null,
            "certificate: missing; pass a certificate, or domainName and hostedZone to create a DNS-validated one");
      }
      return common;
    }
  }
}
