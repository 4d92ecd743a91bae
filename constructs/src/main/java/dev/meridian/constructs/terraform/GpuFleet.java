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
import com.hashicorp.cdktf.providers.aws.data_aws_elb_service_account.DataAwsElbServiceAccount;
import com.hashicorp.cdktf.providers.aws.data_aws_elb_service_account.DataAwsElbServiceAccountConfig;
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
import com.hashicorp.cdktf.providers.aws.lb.LbAccessLogs;
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
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupEgress;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import dev.meridian.constructs.aws.DeepLearningAmi;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.ElbLogDelivery;
import dev.meridian.constructs.config.GpuFleetProps;
import dev.meridian.constructs.config.GpuFleetPropsBuilder;
import dev.meridian.constructs.config.GpuHostUserData;
import dev.meridian.constructs.config.RegionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>Data it keeps: container logs in an encrypted log group, ALB access logs in a private bucket
 * (S3-managed encryption, TLS only, expiring after {@code logRetentionDays}, kept on destroy)
 * that the region's log writer may write to, and instances' encrypted root volumes through the
 * launch template, all tagged {@code meridian:data-class=user}.
 *
 * <p>Props — required: {@code network}, {@code region} (the stack's), {@code modelName},
 * {@code artifactBucketName}, {@code artifactPrefix}, {@code modelVersion}, and either
 * {@code certificateArn} or {@code domainName} with {@code hostedZoneId}. Optional, with
 * defaults and checks shared with the CDK twin ({@link GpuFleetPropsBuilder}): {@code instanceType}
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
  private final S3Bucket accessLogsBucket;
  private final AutoscalingPolicy scalingPolicy;

  private GpuFleet(Construct scope, String id, Builder props) {
    super(scope, id);
    GpuFleetProps common = props.validate();

    String region = new DataAwsRegion(this, "Region").getName();
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    this.logGroup = EncryptedLogGroups.create(this, "ServingLogs", "GPU fleet serving", account, region,
        common.logRetentionDays(), DataClass.USER);
    GpuHostUserData hostUserData = new GpuHostUserData(common.image(), common.port(), common.modelName(),
        props.artifactBucketName, common.artifactPrefix(), common.modelVersion(), logGroup.getName(),
        common.extraServerArguments());

    this.role = new IamRole(this, "InstanceRole", IamRoleConfig.builder()
        .description("GPU fleet instances: SSM management, model artifact read, serving logs")
        .assumeRolePolicy(PolicyDocuments.assumedBy("ec2.amazonaws.com"))
        .build());
    new IamRolePolicyAttachment(this, "InstanceRoleSsm", IamRolePolicyAttachmentConfig.builder()
        .role(role.getName())
        .policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
        .build());
    String bucketArn = "arn:aws:s3:::" + props.artifactBucketName;
    List<String> readResources = new ArrayList<>(List.of(bucketArn, bucketArn + "/" + common.artifactObjectPrefix() + "*"));
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
    common.modelVersion().ssmParameter().ifPresent(parameter -> {
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
        .fromPort(common.port())
        .toPort(common.port())
        .cidrIpv4(props.network.getVpc().getCidrBlock())
        .build());
    this.securityGroup = new SecurityGroup(this, "InstanceSecurityGroup", SecurityGroupConfig.builder()
        .vpcId(vpcId)
        .description("GPU fleet instances: server port from the load balancer; egress for images and AWS APIs")
        .ingress(List.of(SecurityGroupIngress.builder().description("Server port from the load balancer")
            .protocol("tcp").fromPort(common.port()).toPort(common.port())
            .securityGroups(List.of(loadBalancerSecurityGroup.getId())).build()))
        .egress(List.of(SecurityGroupEgress.builder().description("All outbound").protocol("-1").fromPort(0).toPort(0)
            .cidrBlocks(List.of("0.0.0.0/0")).build()))
        .build());

    DataAwsSsmParameter ami = new DataAwsSsmParameter(this, "MachineImage",
        DataAwsSsmParameterConfig.builder().name(common.machineImage().ssmParameter()).build());
    this.launchTemplate = new LaunchTemplate(this, "LaunchTemplate", LaunchTemplateConfig.builder()
        .imageId(ami.getValue())
        .instanceType(common.instanceType().name())
        .iamInstanceProfile(LaunchTemplateIamInstanceProfile.builder().arn(profile.getArn()).build())
        .vpcSecurityGroupIds(List.of(securityGroup.getId()))
        .userData(TerraformStrings.base64(hostUserData.script()))
        .metadataOptions(LaunchTemplateMetadataOptions.builder()
            .httpEndpoint("enabled").httpTokens("required").httpPutResponseHopLimit(2).build())
        .blockDeviceMappings(List.of(LaunchTemplateBlockDeviceMappings.builder()
            .deviceName(common.machineImage().rootDeviceName())
            .ebs(LaunchTemplateBlockDeviceMappingsEbs.builder()
                .volumeSize(common.rootVolumeGiB()).volumeType("gp3").encrypted("true").deleteOnTermination("true").build())
            .build()))
        .tagSpecifications(List.of(
            LaunchTemplateTagSpecifications.builder().resourceType("instance").tags(DataClassTags.of(DataClass.USER)).build(),
            LaunchTemplateTagSpecifications.builder().resourceType("volume").tags(DataClassTags.of(DataClass.USER)).build()))
        .tags(DataClassTags.of(DataClass.USER))
        .build());

    // Access logs hold client addresses and request lines: user data, kept as long as the serving logs.
    PrivateBucket.Created accessLogs = PrivateBucket.create(this, "AccessLogs", null, DataClass.USER,
        common.logRetentionDays(), 1, logsBucketArn -> accessLogWriters(props.region, logsBucketArn, account));
    this.accessLogsBucket = accessLogs.bucket();
    this.loadBalancer = new Lb(this, "LoadBalancer", LbConfig.builder()
        .loadBalancerType("application")
        .internal(false)
        .subnets(props.network.publicSubnetIds())
        .securityGroups(List.of(loadBalancerSecurityGroup.getId()))
        .idleTimeout(common.idleTimeoutSeconds())
        .dropInvalidHeaderFields(true)
        .accessLogs(LbAccessLogs.builder().bucket(accessLogsBucket.getBucket()).enabled(true).build())
        // The load balancer checks it may write to the bucket when logging is turned on.
        .dependsOn(List.of(accessLogs.policy()))
        .build());
    this.targetGroup = new LbTargetGroup(this, "TargetGroup", LbTargetGroupConfig.builder()
        .vpcId(vpcId)
        .port(common.port())
        .protocol("HTTP")
        .targetType("instance")
        .deregistrationDelay(String.valueOf(Math.min(common.idleTimeoutSeconds(), 3600)))
        .healthCheck(LbTargetGroupHealthCheck.builder()
            .path(common.healthPath()).port(String.valueOf(common.port())).protocol("HTTP").matcher("200")
            .interval(15).timeout(5).healthyThreshold(2).unhealthyThreshold(3).build())
        .build());
    this.autoScalingGroup = new AutoscalingGroup(this, "Group", AutoscalingGroupConfig.builder()
        .minSize(common.minCapacity())
        .maxSize(common.maxCapacity())
        .vpcZoneIdentifier(props.network.privateSubnetIds())
        .launchTemplate(AutoscalingGroupLaunchTemplate.builder()
            .id(launchTemplate.getId()).version(Token.asString(launchTemplate.getLatestVersion())).build())
        .targetGroupArns(List.of(targetGroup.getArn()))
        .healthCheckType("ELB")
        .healthCheckGracePeriod(common.warmUpSeconds())
        .defaultInstanceWarmup(common.warmUpSeconds())
        // Instances read the model (and its pinned version) at boot, once: their permissions first.
        .dependsOn(startAfter(permissions, props.startAfter))
        .build());

    if (props.certificateArn != null) {
      this.certificateArn = props.certificateArn;
    } else {
      AcmCertificate certificate = new AcmCertificate(this, "Certificate", AcmCertificateConfig.builder()
          .domainName(common.domainName()).validationMethod("DNS").build());
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
        .estimatedInstanceWarmup(common.warmUpSeconds())
        .targetTrackingConfiguration(AutoscalingPolicyTargetTrackingConfiguration.builder()
            .targetValue(common.requestsPerInstancePerMinute())
            .predefinedMetricSpecification(AutoscalingPolicyTargetTrackingConfigurationPredefinedMetricSpecification.builder()
                .predefinedMetricType("ALBRequestCountPerTarget")
                .resourceLabel(loadBalancer.getArnSuffix() + "/" + targetGroup.getArnSuffix())
                .build())
            .build())
        .build());
  }

  /**
   * Who may write the access logs, as in the CDK twin's bucket policy (which also refuses requests
   * without TLS, as every Terraform bucket's does): the region's log writer (its ELB account, or
   * the log delivery service in regions opened since August 2022) may put objects below
   * {@code AWSLogs/<account>/}, and so may {@code delivery.logs.amazonaws.com} with the owner in
   * full control, which may also read the bucket's ACL.
   */
  private List<Map<String, Object>> accessLogWriters(String region, String bucketArn, String account) {
    Map<String, String> writer = ElbLogDelivery.hasRegionalAccount(region)
        ? Map.of("AWS", new DataAwsElbServiceAccount(this, "ElbAccount", DataAwsElbServiceAccountConfig.builder().build())
            .getArn())
        : Map.of("Service", ElbLogDelivery.SERVICE_PRINCIPAL);
    String logs = bucketArn + "/AWSLogs/" + account + "/*";
    Map<String, String> delivery = Map.of("Service", "delivery.logs.amazonaws.com");
    return List.of(
        PolicyDocuments.statement(writer, "s3:PutObject", logs, Map.of()),
        PolicyDocuments.statement(delivery, "s3:PutObject", logs,
            Map.of("StringEquals", Map.of("s3:x-amz-acl", "bucket-owner-full-control"))),
        PolicyDocuments.statement(delivery, "s3:GetBucketAcl", bucketArn, Map.of()));
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

  /** The bucket receiving the load balancer's access logs. */
  public S3Bucket getAccessLogsBucket() {
    return accessLogsBucket;
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

  /** Builds a {@link GpuFleet}; the shared props setters, defaults and checks are {@link GpuFleetPropsBuilder}'s. */
  public static final class Builder extends GpuFleetPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private RegionNetwork network;
    private String region;
    private String artifactBucketName;
    private String certificateArn;
    private String hostedZoneId;
    private List<ITerraformDependable> startAfter = List.of();

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

    /** The network: load balancer in its public subnets, instances in its private ones. Required. */
    public Builder network(RegionNetwork network) {
      this.network = network;
      return this;
    }

    /**
     * The region of the stack's provider: it decides who may write the load balancer's access
     * logs (the region's ELB account, or the log delivery service in regions opened since
     * August 2022). Required.
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Name of the bucket holding the model artifacts; the fleet may read only below {@code artifactPrefix}. Required. */
    public Builder artifactBucketName(String artifactBucketName) {
      this.artifactBucketName = artifactBucketName;
      return this;
    }

    /** The HTTPS listener's certificate. @default one created for {@code domainName}, DNS-validated in {@code hostedZoneId} */
    public Builder certificateArn(String certificateArn) {
      this.certificateArn = certificateArn;
      return this;
    }

    /** The Route 53 zone id validating the created certificate. @default none */
    public Builder hostedZoneId(String hostedZoneId) {
      this.hostedZoneId = hostedZoneId;
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

    /** The fleet. */
    public GpuFleet build() {
      return new GpuFleet(scope, id, this);
    }

    private GpuFleetProps validate() {
      requireValue("network", network);
      requireValue("artifactBucketName", artifactBucketName);
      GpuFleetProps common = props();
      requireValue("modelName", common.modelName());
      requireValue("artifactPrefix", common.artifactPrefix());
      requireValue("modelVersion", common.modelVersion());
      RegionCode.require("region", region);
      if (certificateArn != null) {
        require(common.domainName() == null && hostedZoneId == null,
            "certificateArn: given together with domainName/hostedZoneId; pass either a certificate ARN or both of those");
      } else {
        require(common.domainName() != null && hostedZoneId != null,
            "certificateArn: missing; give a certificate ARN, or domainName and hostedZoneId");
      }
      return common;
    }

    private static void requireValue(String field, Object value) {
      require(value != null, field + ": missing (required)");
    }
  }
}
