package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.acm_certificate.AcmCertificate;
import com.hashicorp.cdktf.providers.aws.acm_certificate.AcmCertificateConfig;
import com.hashicorp.cdktf.providers.aws.acm_certificate_validation.AcmCertificateValidation;
import com.hashicorp.cdktf.providers.aws.acm_certificate_validation.AcmCertificateValidationConfig;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupConfig;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicyConfig;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicyTargetTrackingConfiguration;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicyTargetTrackingConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_region.DataAwsRegion;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameter;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameterConfig;
import com.hashicorp.cdktf.providers.aws.iam_instance_profile.IamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.iam_instance_profile.IamInstanceProfileConfig;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachmentConfig;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappings;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappingsEbs;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateConfig;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateIamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateMetadataOptions;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateTagSpecifications;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb.LbConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupConfig;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupEgress;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import dev.meridian.constructs.aws.DeepLearningAmi;
import dev.meridian.constructs.aws.GpuInstanceType;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.GpuHostUserData;
import dev.meridian.constructs.config.LogRetention;
import dev.meridian.constructs.config.PinnedVersion;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * A fleet of GPU servers in one region serving one model over HTTPS, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.GpuFleet} with the same props and defaults. An Auto Scaling
 * group of GPU instances booting the {@link DeepLearningAmi} (image id read from AWS's public SSM
 * parameter at plan time), each running the script of {@link GpuHostUserData} (the same one the
 * CDK twin runs); an internet-facing Application Load Balancer with an HTTPS listener (HTTP
 * redirects to HTTPS) and a long idle timeout for streamed completions; a target group checking
 * the health path; target tracking on requests per instance; a least-privilege instance role.
 *
 * <p>Data it keeps: container logs in a log group, and instances' encrypted root volumes through
 * the launch template, both tagged {@code meridian:data-class=user}.
 *
 * <p>Props — required: {@code network}, {@code modelName}, {@code artifactBucketName},
 * {@code artifactPrefix}, {@code modelVersion}, and either {@code certificateArn} or
 * {@code domainName} with {@code hostedZoneId}. Optional, with defaults: {@code instanceType}
 * g6.xlarge; {@code minCapacity} 1; {@code maxCapacity} 4; {@code machineImage} Ubuntu 22.04
 * DLAMI; {@code image} {@code vllm/vllm-openai:v0.6.3}; {@code port} 8000; {@code healthPath}
 * {@code /health}; {@code extraServerArguments} none; {@code rootVolumeGiB} 200;
 * {@code idleTimeoutSeconds} 600; {@code warmUpSeconds} 900; {@code requestsPerInstancePerMinute}
 * 60; {@code logRetentionDays} 30; {@code startAfter} none (resources the group waits for besides
 * the instance role's policies, e.g. {@link ArtifactVersions#getParameters()}).
 */
public final class GpuFleet extends Construct {

  private final IamRole role;
  private final SecurityGroup loadBalancerSecurityGroup;
  private final SecurityGroup securityGroup;
  private final LaunchTemplate launchTemplate;
  private final AutoscalingGroup autoScalingGroup;
  private final Lb loadBalancer;
  private final LbListener httpsListener;
  private final LbTargetGroup targetGroup;
  private final String certificateArn;
  private final CloudwatchLogGroup logGroup;
  private final AutoscalingPolicy scalingPolicy;

  private GpuFleet(Construct scope, String id, Builder props) {
    super(scope, id);
    props.validate();

    String region = new DataAwsRegion(this, "Region").getName();
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    this.logGroup = EncryptedLogGroups.create(this, "ServingLogs", "GPU fleet serving", account, region,
        props.logRetentionDays, DataClass.USER);
    GpuHostUserData hostUserData = new GpuHostUserData(props.image, props.port, props.modelName,
        props.artifactBucketName, props.artifactPrefix, props.modelVersion, logGroup.getName(),
        props.extraServerArguments);

    this.role = new IamRole(this, "InstanceRole", IamRoleConfig.builder()
        .description("GPU fleet instances: SSM management, model artifact read, serving logs")
        .assumeRolePolicy(PolicyDocuments.assumedBy("ec2.amazonaws.com"))
        .build());
    new IamRolePolicyAttachment(this, "InstanceRoleSsm", IamRolePolicyAttachmentConfig.builder()
        .role(role.getName())
        .policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
        .build());
    String bucketArn = "arn:aws:s3:::" + props.artifactBucketName;
    List<String> readResources = new ArrayList<>(List.of(bucketArn, bucketArn + "/" + objectPrefix(props.artifactPrefix) + "*"));
    List<ITerraformDependable> permissions = new ArrayList<>();
    permissions.add(new IamRolePolicy(this, "InstanceRoleArtifacts", IamRolePolicyConfig.builder()
        .role(role.getId())
        .policy(PolicyDocuments.allow(List.of("s3:GetObject", "s3:ListBucket"), readResources))
        .build()));
    permissions.add(new IamRolePolicy(this, "InstanceRoleLogs", IamRolePolicyConfig.builder()
        .role(role.getId())
        .policy(PolicyDocuments.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
            List.of(logGroup.getArn(), logGroup.getArn() + ":*")))
        .build()));
    props.modelVersion.ssmParameter().ifPresent(parameter -> {
      // The one parameter, in this stack's region and account.
      permissions.add(new IamRolePolicy(this, "InstanceRoleModelVersion", IamRolePolicyConfig.builder()
          .role(role.getId())
          .policy(PolicyDocuments.allow(List.of("ssm:GetParameter"),
              List.of("arn:aws:ssm:" + region + ":" + account + ":parameter" + parameter)))
          .build()));
    });
    IamInstanceProfile profile = new IamInstanceProfile(this, "InstanceProfile",
        IamInstanceProfileConfig.builder().role(role.getName()).build());

    String vpcId = props.network.getVpc().getId();
    this.loadBalancerSecurityGroup = new SecurityGroup(this, "LoadBalancerSecurityGroup", SecurityGroupConfig.builder()
        .vpcId(vpcId)
        .description("GPU fleet load balancer: HTTPS and HTTP (redirected) from anywhere")
        .ingress(List.of(
            SecurityGroupIngress.builder().description("HTTPS").protocol("tcp").fromPort(443).toPort(443)
                .cidrBlocks(List.of("0.0.0.0/0")).build(),
            SecurityGroupIngress.builder().description("HTTP, redirected to HTTPS").protocol("tcp").fromPort(80).toPort(80)
                .cidrBlocks(List.of("0.0.0.0/0")).build()))
        .build());
    // Egress as rule resources, not inline: other constructs (a HostedApiFallback) add their own
    // rules to this group, and inline rules would make every apply delete theirs. Terraform
    // removes the default allow-all egress rule when it creates the group.
    new VpcSecurityGroupEgressRule(this, "LoadBalancerToInstances", VpcSecurityGroupEgressRuleConfig.builder()
        .securityGroupId(loadBalancerSecurityGroup.getId())
        .description("To the fleet's server port")
        .ipProtocol("tcp")
        .fromPort(props.port)
        .toPort(props.port)
        .cidrIpv4(props.network.getVpc().getCidrBlock())
        .build());
    this.securityGroup = new SecurityGroup(this, "InstanceSecurityGroup", SecurityGroupConfig.builder()
        .vpcId(vpcId)
        .description("GPU fleet instances: server port from the load balancer; egress for images and AWS APIs")
        .ingress(List.of(SecurityGroupIngress.builder().description("Server port from the load balancer")
            .protocol("tcp").fromPort(props.port).toPort(props.port)
            .securityGroups(List.of(loadBalancerSecurityGroup.getId())).build()))
        .egress(List.of(SecurityGroupEgress.builder().description("All outbound").protocol("-1").fromPort(0).toPort(0)
            .cidrBlocks(List.of("0.0.0.0/0")).build()))
        .build());

    DataAwsSsmParameter ami = new DataAwsSsmParameter(this, "MachineImage",
        DataAwsSsmParameterConfig.builder().name(props.machineImage.ssmParameter()).build());
    this.launchTemplate = new LaunchTemplate(this, "LaunchTemplate", LaunchTemplateConfig.builder()
        .imageId(ami.getValue())
        .instanceType(props.instanceType.name())
        .iamInstanceProfile(LaunchTemplateIamInstanceProfile.builder().arn(profile.getArn()).build())
        .vpcSecurityGroupIds(List.of(securityGroup.getId()))
        .userData(TerraformStrings.base64(hostUserData.script()))
        .metadataOptions(LaunchTemplateMetadataOptions.builder()
            .httpEndpoint("enabled").httpTokens("required").httpPutResponseHopLimit(2).build())
        .blockDeviceMappings(List.of(LaunchTemplateBlockDeviceMappings.builder()
            .deviceName(props.machineImage.rootDeviceName())
            .ebs(LaunchTemplateBlockDeviceMappingsEbs.builder()
                .volumeSize(props.rootVolumeGiB).volumeType("gp3").encrypted("true").deleteOnTermination("true").build())
            .build()))
        .tagSpecifications(List.of(
            LaunchTemplateTagSpecifications.builder().resourceType("instance").tags(DataClassTags.of(DataClass.USER)).build(),
            LaunchTemplateTagSpecifications.builder().resourceType("volume").tags(DataClassTags.of(DataClass.USER)).build()))
        .tags(DataClassTags.of(DataClass.USER))
        .build());

    this.loadBalancer = new Lb(this, "LoadBalancer", LbConfig.builder()
        .loadBalancerType("application")
        .internal(false)
        .subnets(props.network.publicSubnetIds())
        .securityGroups(List.of(loadBalancerSecurityGroup.getId()))
        .idleTimeout(props.idleTimeoutSeconds)
        .dropInvalidHeaderFields(true)
        .build());
    this.targetGroup = new LbTargetGroup(this, "TargetGroup", LbTargetGroupConfig.builder()
        .vpcId(vpcId)
        .port(props.port)
        .protocol("HTTP")
        .targetType("instance")
        .deregistrationDelay(String.valueOf(Math.min(props.idleTimeoutSeconds, 3600)))
        .healthCheck(LbTargetGroupHealthCheck.builder()
            .path(props.healthPath).port(String.valueOf(props.port)).protocol("HTTP").matcher("200")
            .interval(15).timeout(5).healthyThreshold(2).unhealthyThreshold(3).build())
        .build());
    this.autoScalingGroup = new AutoscalingGroup(this, "Group", AutoscalingGroupConfig.builder()
        .minSize(props.minCapacity)
        .maxSize(props.maxCapacity)
        .vpcZoneIdentifier(props.network.privateSubnetIds())
        .launchTemplate(AutoscalingGroupLaunchTemplate.builder()
            .id(launchTemplate.getId()).version(Token.asString(launchTemplate.getLatestVersion())).build())
        .targetGroupArns(List.of(targetGroup.getArn()))
        .healthCheckType("ELB")
        .healthCheckGracePeriod(props.warmUpSeconds)
        .defaultInstanceWarmup(props.warmUpSeconds)
        // Instances read the model (and its pinned version) at boot, once: their permissions first.
        .dependsOn(startAfter(permissions, props.startAfter))
        .build());

    if (props.certificateArn != null) {
      this.certificateArn = props.certificateArn;
    } else {
      AcmCertificate certificate = new AcmCertificate(this, "Certificate", AcmCertificateConfig.builder()
          .domainName(props.domainName).validationMethod("DNS").build());
      Object option = Fn.element(Fn.tolist(certificate.getDomainValidationOptions()), 0);
      Route53Record validationRecord = new Route53Record(this, "CertificateValidationRecord", Route53RecordConfig.builder()
          .zoneId(props.hostedZoneId)
          .name(Token.asString(Fn.lookup(option, "resource_record_name", null)))
          .type(Token.asString(Fn.lookup(option, "resource_record_type", null)))
          .records(List.of(Token.asString(Fn.lookup(option, "resource_record_value", null))))
          .ttl(60)
          .allowOverwrite(true)
          .build());
      AcmCertificateValidation validation = new AcmCertificateValidation(this, "CertificateValidation",
          AcmCertificateValidationConfig.builder()
              .certificateArn(certificate.getArn())
              .validationRecordFqdns(List.of(validationRecord.getFqdn()))
              .build());
      this.certificateArn = validation.getCertificateArn();
    }
    this.httpsListener = new LbListener(this, "Https", LbListenerConfig.builder()
        .loadBalancerArn(loadBalancer.getArn())
        .port(443)
        .protocol("HTTPS")
        .sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06")
        .certificateArn(certificateArn)
        .defaultAction(List.of(LbListenerDefaultAction.builder().type("forward").targetGroupArn(targetGroup.getArn()).build()))
        .build());
    new LbListener(this, "HttpRedirect", LbListenerConfig.builder()
        .loadBalancerArn(loadBalancer.getArn())
        .port(80)
        .protocol("HTTP")
        .defaultAction(List.of(LbListenerDefaultAction.builder().type("redirect")
            .redirect(LbListenerDefaultActionRedirect.builder().protocol("HTTPS").port("443").statusCode("HTTP_301").build())
            .build()))
        .build());

    this.scalingPolicy = new AutoscalingPolicy(this, "RequestsPerInstance", AutoscalingPolicyConfig.builder()
        .name("requests-per-instance")
        .autoscalingGroupName(autoScalingGroup.getName())
        .policyType("TargetTrackingScaling")
        .estimatedInstanceWarmup(props.warmUpSeconds)
        .targetTrackingConfiguration(AutoscalingPolicyTargetTrackingConfiguration.builder()
            .targetValue(props.requestsPerInstancePerMinute)
            .predefinedMetricSpecification(AutoscalingPolicyTargetTrackingConfigurationPredefinedMetricSpecification.builder()
                .predefinedMetricType("ALBRequestCountPerTarget")
                .resourceLabel(loadBalancer.getArnSuffix() + "/" + targetGroup.getArnSuffix())
                .build())
            .build())
        .build());
  }

  private static String objectPrefix(String artifactPrefix) {
    String prefix = artifactPrefix.replaceAll("^/+", "");
    return prefix.endsWith("/") ? prefix : prefix + "/";
  }

  /** The instances' role. */
  public IamRole getRole() {
    return role;
  }

  /** The instances' security group: let it reach a data store by allowing this group. */
  public SecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /** The load balancer's security group. */
  public SecurityGroup getLoadBalancerSecurityGroup() {
    return loadBalancerSecurityGroup;
  }

  /** The launch template. */
  public LaunchTemplate getLaunchTemplate() {
    return launchTemplate;
  }

  /** The Auto Scaling group. */
  public AutoscalingGroup getAutoScalingGroup() {
    return autoScalingGroup;
  }

  /** The Application Load Balancer: DNS records alias its {@code dns_name} in its {@code zone_id}. */
  public Lb getLoadBalancer() {
    return loadBalancer;
  }

  /** The HTTPS listener. */
  public LbListener getHttpsListener() {
    return httpsListener;
  }

  /** The target group. */
  public LbTargetGroup getTargetGroup() {
    return targetGroup;
  }

  /** The HTTPS listener's certificate ARN (validated, when the fleet created it). */
  public String getCertificateArn() {
    return certificateArn;
  }

  /** The serving log group. */
  public CloudwatchLogGroup getLogGroup() {
    return logGroup;
  }

  /** The target-tracking policy on requests per instance. */
  public AutoscalingPolicy getScalingPolicy() {
    return scalingPolicy;
  }

  private static List<ITerraformDependable> startAfter(List<ITerraformDependable> permissions,
      List<ITerraformDependable> others) {
    List<ITerraformDependable> all = new ArrayList<>(permissions);
    all.addAll(others);
    return all;
  }

  /** Builds a {@link GpuFleet}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private RegionNetwork network;
    private GpuInstanceType instanceType = GpuInstanceType.G6_XLARGE;
    private int minCapacity = 1;
    private int maxCapacity = 4;
    private DeepLearningAmi machineImage = DeepLearningAmi.UBUNTU_22_04;
    private String image = "vllm/vllm-openai:v0.6.3";
    private int port = 8000;
    private String healthPath = "/health";
    private List<String> extraServerArguments = List.of();
    private String modelName;
    private String artifactBucketName;
    private String artifactPrefix;
    private PinnedVersion modelVersion;
    private int rootVolumeGiB = 200;
    private String certificateArn;
    private String domainName;
    private String hostedZoneId;
    private int idleTimeoutSeconds = 600;
    private int warmUpSeconds = 900;
    private int requestsPerInstancePerMinute = 60;
    private int logRetentionDays = 30;
    private List<ITerraformDependable> startAfter = List.of();

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a fleet {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The network: load balancer in its public subnets, instances in its private ones. Required. */
    public Builder network(RegionNetwork network) {
      this.network = network;
      return this;
    }

    /** The GPU instance type. @default g6.xlarge */
    public Builder instanceType(GpuInstanceType instanceType) {
      this.instanceType = instanceType;
      return this;
    }

    /** Fewest instances; 0 is a pilot light. @default 1 */
    public Builder minCapacity(int minCapacity) {
      this.minCapacity = minCapacity;
      return this;
    }

    /** Most instances, ≥ 1 and ≥ minCapacity. @default 4 */
    public Builder maxCapacity(int maxCapacity) {
      this.maxCapacity = maxCapacity;
      return this;
    }

    /** The Deep Learning AMI flavour. @default Ubuntu 22.04 */
    public Builder machineImage(DeepLearningAmi machineImage) {
      this.machineImage = machineImage;
      return this;
    }

    /** Serving container image with vLLM's OpenAI server as entry point. @default vllm/vllm-openai:v0.6.3 */
    public Builder image(String image) {
      this.image = image;
      return this;
    }

    /** The port the server listens on. @default 8000 */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The path the load balancer checks; 200 means healthy. @default /health */
    public Builder healthPath(String healthPath) {
      this.healthPath = healthPath;
      return this;
    }

    /** Further server arguments, e.g. {@code --max-model-len 8192}. @default none */
    public Builder extraServerArguments(List<String> arguments) {
      this.extraServerArguments = List.copyOf(arguments);
      return this;
    }

    /** The model name clients send. Required. */
    public Builder modelName(String modelName) {
      this.modelName = modelName;
      return this;
    }

    /** Name of the bucket holding the model artifacts (read access is granted). Required. */
    public Builder artifactBucketName(String artifactBucketName) {
      this.artifactBucketName = artifactBucketName;
      return this;
    }

    /** Key prefix of the model's artifacts, one folder per version below it. Required. */
    public Builder artifactPrefix(String artifactPrefix) {
      this.artifactPrefix = artifactPrefix;
      return this;
    }

    /** The pinned model version. Required. */
    public Builder modelVersion(PinnedVersion modelVersion) {
      this.modelVersion = modelVersion;
      return this;
    }

    /** Size of the encrypted gp3 root volume in GiB, 30–16384. @default 200 */
    public Builder rootVolumeGiB(int rootVolumeGiB) {
      this.rootVolumeGiB = rootVolumeGiB;
      return this;
    }

    /** The HTTPS listener's certificate. @default one created for {@code domainName}, DNS-validated in {@code hostedZoneId} */
    public Builder certificateArn(String certificateArn) {
      this.certificateArn = certificateArn;
      return this;
    }

    /** The name users call, for the certificate created when none is given. @default none */
    public Builder domainName(String domainName) {
      this.domainName = domainName;
      return this;
    }

    /** The Route 53 zone id validating the created certificate. @default none */
    public Builder hostedZoneId(String hostedZoneId) {
      this.hostedZoneId = hostedZoneId;
      return this;
    }

    /** Seconds a connection may stay idle, 1–4000. @default 600 */
    public Builder idleTimeoutSeconds(int idleTimeoutSeconds) {
      this.idleTimeoutSeconds = idleTimeoutSeconds;
      return this;
    }

    /** Seconds an instance gets to boot and load the model before health checks count. @default 900 */
    public Builder warmUpSeconds(int warmUpSeconds) {
      this.warmUpSeconds = warmUpSeconds;
      return this;
    }

    /**
     * Resources the group must wait for besides its role's policies, because instances read them
     * once at boot: e.g. the parameters of {@link ArtifactVersions}. Default none.
     */
    public Builder startAfter(List<? extends ITerraformDependable> startAfter) {
      this.startAfter = List.copyOf(startAfter);
      return this;
    }

    /** Requests per instance per minute that target tracking keeps to. @default 60 */
    public Builder requestsPerInstancePerMinute(int requests) {
      this.requestsPerInstancePerMinute = requests;
      return this;
    }

    /** Days serving logs are kept; a CloudWatch Logs retention. @default 30 */
    public Builder logRetentionDays(int days) {
      this.logRetentionDays = days;
      return this;
    }

    /** The fleet. */
    public GpuFleet build() {
      return new GpuFleet(scope, id, this);
    }

    private void validate() {
      require("network", network);
      require("modelName", modelName);
      require("artifactBucketName", artifactBucketName);
      require("artifactPrefix", artifactPrefix);
      require("modelVersion", modelVersion);
      if (minCapacity < 0) {
        throw new IllegalArgumentException("minCapacity: " + minCapacity + " must be ≥ 0");
      }
      if (maxCapacity < 1 || maxCapacity < minCapacity) {
        throw new IllegalArgumentException("maxCapacity (" + maxCapacity + ") must be ≥ 1 and ≥ minCapacity (" + minCapacity + ")");
      }
      if (rootVolumeGiB < 30 || rootVolumeGiB > 16384) {
        throw new IllegalArgumentException("rootVolumeGiB: " + rootVolumeGiB + " must be 30-16384");
      }
      if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > 4000) {
        throw new IllegalArgumentException("idleTimeoutSeconds: " + idleTimeoutSeconds + " must be 1-4000");
      }
      if (certificateArn == null && (domainName == null || hostedZoneId == null)) {
        throw new IllegalArgumentException("certificateArn: missing; give a certificate ARN, or domainName and hostedZoneId");
      }
      LogRetention.requireSupported("logRetentionDays", logRetentionDays);
    }

    private static void require(String field, Object value) {
      if (value == null) {
        throw new IllegalArgumentException(field + ": missing (required)");
      }
    }
  }
}
