package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupConfig;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_random_password.DataAwsSecretsmanagerRandomPassword;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_random_password.DataAwsSecretsmanagerRandomPasswordConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameter;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameterConfig;
import com.hashicorp.cdktf.providers.aws.ebs_volume.EbsVolume;
import com.hashicorp.cdktf.providers.aws.ebs_volume.EbsVolumeConfig;
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
import com.hashicorp.cdktf.providers.aws.route53_zone.Route53Zone;
import com.hashicorp.cdktf.providers.aws.route53_zone.Route53ZoneConfig;
import com.hashicorp.cdktf.providers.aws.route53_zone.Route53ZoneVpc;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecretConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersionConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupEgress;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameterConfig;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.QdrantClusterProps;
import dev.meridian.constructs.config.QdrantClusterPropsBuilder;
import dev.meridian.constructs.config.QdrantCollectionDefaults;
import dev.meridian.constructs.config.QdrantConfig;
import dev.meridian.constructs.config.QdrantNodeUserData;
import dev.meridian.constructs.config.RegionCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A Qdrant vector database cluster in one region, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.QdrantCluster} with the same props and defaults. Each node
 * is a single-instance Auto Scaling group pinned to one private subnet, with its own encrypted
 * EBS data volume created separately (kept on destroy), attached at boot by
 * {@link QdrantNodeUserData} (the same boot script as the CDK twin). Node names live in a private
 * hosted zone {@code qdrant.<clusterName>.internal}.
 *
 * <p>Access: HTTP 6333 and gRPC 6334 only from the client security groups given and the cluster
 * itself; p2p 6335 only within the cluster. A read-write and a read-only API key (secrets named
 * {@code meridian/<clusterName>/qdrant/…}, which the nodes read by name) are generated
 * once by Secrets Manager at the first plan (kept out of the Terraform JSON; later plans ignore
 * them), the CA secret is filled by node 1 on first boot. Snapshots go to a versioned bucket in
 * the region under {@code <region>/node-<n>/} and optionally replicate to other regions'
 * same-named buckets. Collection defaults and endpoint are published under
 * {@code /meridian/<clusterName>/qdrant/}. An alarm per node fires when its group has no
 * instance in service.
 *
 * <p>Data it keeps, tagged {@code meridian:data-class} with {@code dataClass}: data volumes,
 * snapshot bucket and logs.
 *
 * <p>Props — required: {@code network}, {@code clusterName}, {@code region} (the stack's region).
 * Optional, with defaults and checks shared with the CDK twin ({@link QdrantClusterPropsBuilder}):
 * {@code nodes} 3; {@code instanceType} r6i.large; {@code volumeGiB} 100;
 * {@code version} 1.12.4; {@code collectionDefaults} {@link QdrantCollectionDefaults#forNodes(int)};
 * {@code clientSecurityGroupIds} none; {@code dataClass} user; {@code snapshotSchedule}
 * {@code *-*-* 03:17:00}; {@code snapshotRetentionDays} 30; {@code snapshotBucketName} generated;
 * {@code snapshotReplicaRegions} none; {@code logRetentionDays} 30.
 */
public final class QdrantCluster extends Construct {

  private static final String AMAZON_LINUX_2023 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

  private final String clusterName;
  private final SecurityGroup securityGroup;
  private final Route53Zone zone;
  private final S3Bucket snapshotBucket;
  private final CloudwatchLogGroup logGroup;
  private final List<EbsVolume> volumes = new ArrayList<>();
  private final List<AutoscalingGroup> nodeGroups = new ArrayList<>();

  private QdrantCluster(Construct scope, String id, Builder props) {
    super(scope, id);
    QdrantClusterProps common = props.validate();
    this.clusterName = common.clusterName();
    String zoneName = "qdrant." + common.clusterName() + ".internal";
    String parameterPrefix = "/meridian/" + common.clusterName() + "/qdrant/";
    QdrantCollectionDefaults defaults = common.collectionDefaults();

    List<SecurityGroupIngress> ingress = new ArrayList<>(List.of(
        selfRule(QdrantConfig.HTTP_PORT, "Qdrant HTTP from the cluster"),
        selfRule(QdrantConfig.GRPC_PORT, "Qdrant gRPC from the cluster"),
        selfRule(QdrantConfig.P2P_PORT, "Qdrant p2p within the cluster")));
    if (!props.clientSecurityGroupIds.isEmpty()) {
      ingress.add(clientRule(QdrantConfig.HTTP_PORT, "Qdrant HTTP from a client", props.clientSecurityGroupIds));
      ingress.add(clientRule(QdrantConfig.GRPC_PORT, "Qdrant gRPC from a client", props.clientSecurityGroupIds));
    }
    this.securityGroup = new SecurityGroup(this, "SecurityGroup", SecurityGroupConfig.builder()
        .vpcId(props.network.getVpc().getId())
        .description("Qdrant nodes: API from clients and peers, p2p from peers only")
        .ingress(ingress)
        .egress(List.of(SecurityGroupEgress.builder().description("All outbound").protocol("-1").fromPort(0).toPort(0)
            .cidrBlocks(List.of("0.0.0.0/0")).build()))
        .build());

    this.zone = new Route53Zone(this, "Zone", Route53ZoneConfig.builder()
        .name(zoneName)
        .vpc(List.of(Route53ZoneVpc.builder().vpcId(props.network.getVpc().getId()).build()))
        .build());

    SecretsmanagerSecret apiKey = generatedKey("ApiKey", "read-write");
    SecretsmanagerSecret readOnlyKey = generatedKey("ReadOnlyApiKey", "read-only");
    // Nodes find the API keys and the CA certificate parameter by name: plain words in the boot script.
    SecretsmanagerSecret authority = new SecretsmanagerSecret(this, "Authority", SecretsmanagerSecretConfig.builder()
        .name(secretName("certificate-authority"))
        .description("Qdrant cluster " + common.clusterName() + ": TLS certificate authority, created by node 1 on first boot")
        .tags(DataClassTags.of(DataClass.DERIVED))
        .build());
    DataAwsSecretsmanagerRandomPassword nonce = new DataAwsSecretsmanagerRandomPassword(this, "CertificateAuthorityNonce",
        DataAwsSecretsmanagerRandomPasswordConfig.builder().passwordLength(32).excludePunctuation(true).build());
    new SecretsmanagerSecretVersion(this, "CertificateAuthorityPending", SecretsmanagerSecretVersionConfig.builder()
        .secretId(authority.getId())
        .secretString(Fn.jsonencode(new java.util.TreeMap<>(Map.of("state", "pending", "nonce", nonce.getRandomPassword()))))
        .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("secret_string")).build())
        .build());
    String certificateName = parameterPrefix + "ca-certificate";
    SsmParameter certificate = new SsmParameter(this, "CertificateParameter", SsmParameterConfig.builder()
        .name(certificateName)
        .description("Qdrant cluster CA certificate (PEM) for clients; written by the nodes at boot")
        .type("String")
        .value("pending")
        .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("value")).build())
        .build());
    new SsmParameter(this, "CollectionDefaults", SsmParameterConfig.builder()
        .name(parameterPrefix + "collection-defaults")
        .description("Qdrant collection defaults: shard_number, replication_factor, write_consistency_factor")
        .type("String")
        .value(defaults.json())
        .build());
    new SsmParameter(this, "Endpoint", SsmParameterConfig.builder()
        .name(parameterPrefix + "endpoint")
        .description("Qdrant HTTPS endpoint for clients")
        .type("String")
        .value(endpoint())
        .build());

    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    PrivateBucket.Created snapshots = PrivateBucket.create(this, "Snapshots",
        common.snapshotBucketName() == null ? null : common.snapshotBucketName().in(account, props.region),
        common.dataClass(), common.snapshotRetentionDays(), 1);
    this.snapshotBucket = snapshots.bucket();
    if (!common.snapshotReplicaRegions().isEmpty()) {
      List<Replication.Destination> replicas = common.snapshotReplicaRegions().stream().map(region -> {
        String arn = common.snapshotBucketName().arnIn(account, region);
        return new Replication.Destination("to-" + region, arn, List.of(arn + "/" + props.region + "/*"));
      }).toList();
      Replication.replicate(this, "SnapshotReplication", "S3 replication of Qdrant snapshots to other regions",
          snapshots, "", replicas, false);
    }

    this.logGroup = EncryptedLogGroups.create(this, "Logs", "Qdrant cluster " + common.clusterName(), account, props.region,
        common.logRetentionDays(), common.dataClass());

    IamRole role = new IamRole(this, "NodeRole", IamRoleConfig.builder()
        .description("Qdrant nodes: own DNS names, data volumes, keys, CA, snapshots, logs")
        .assumeRolePolicy(PolicyDocuments.assumedBy("ec2.amazonaws.com"))
        .build());
    new IamRolePolicyAttachment(this, "NodeRoleSsm", IamRolePolicyAttachmentConfig.builder()
        .role(role.getName()).policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore").build());
    allow(role, "NodeRoleSecrets", List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
        List.of(apiKey.getArn(), readOnlyKey.getArn(), authority.getArn()));
    allow(role, "NodeRoleAuthority", List.of("secretsmanager:PutSecretValue"), List.of(authority.getArn()));
    allow(role, "NodeRoleCertificate", List.of("ssm:PutParameter"), List.of(certificate.getArn()));
    allow(role, "NodeRoleSnapshots", List.of("s3:PutObject", "s3:ListBucket"),
        List.of(snapshotBucket.getArn(), snapshotBucket.getArn() + "/*"));
    allow(role, "NodeRoleLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
        List.of(logGroup.getArn(), logGroup.getArn() + ":*"));
    allow(role, "NodeRoleDns", List.of("route53:ChangeResourceRecordSets"), List.of(zone.getArn()));
    IamInstanceProfile profile = new IamInstanceProfile(this, "NodeProfile",
        IamInstanceProfileConfig.builder().role(role.getName()).build());
    DataAwsSsmParameter ami = new DataAwsSsmParameter(this, "MachineImage",
        DataAwsSsmParameterConfig.builder().name(AMAZON_LINUX_2023).build());

    QdrantConfig config = new QdrantConfig(defaults);
    List<Subnet> subnets = props.network.getPrivateSubnets();
    List<String> volumeArns = new ArrayList<>();
    for (int n = 1; n <= common.nodes(); n++) {
      Subnet subnet = subnets.get((n - 1) % subnets.size());
      EbsVolume volume = new EbsVolume(this, "Node" + n + "Data", EbsVolumeConfig.builder()
          .availabilityZone(subnet.getAvailabilityZone())
          .size(common.volumeGiB())
          .type("gp3")
          .encrypted(true)
          .tags(DataClassTags.of(common.dataClass()))
          .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build())
          .build());
      volumes.add(volume);
      volumeArns.add(volume.getArn());
      QdrantNodeUserData userData = new QdrantNodeUserData(n, "qdrant/qdrant:v" + common.version(), zoneName,
          zone.getZoneId(), volume.getId(), secretName("read-write-api-key"), secretName("read-only-api-key"),
          authority.getArn(), certificateName, snapshotBucket.getBucket(), common.snapshotSchedule(), logGroup.getName(), config);
      LaunchTemplate template = new LaunchTemplate(this, "Node" + n + "LaunchTemplate", LaunchTemplateConfig.builder()
          .imageId(ami.getValue())
          .instanceType(common.instanceType())
          .iamInstanceProfile(LaunchTemplateIamInstanceProfile.builder().arn(profile.getArn()).build())
          .vpcSecurityGroupIds(List.of(securityGroup.getId()))
          .userData(TerraformStrings.base64(userData.script()))
          .metadataOptions(LaunchTemplateMetadataOptions.builder()
              .httpEndpoint("enabled").httpTokens("required").httpPutResponseHopLimit(2).build())
          .tags(DataClassTags.of(common.dataClass()))
          .tagSpecifications(List.of(
              LaunchTemplateTagSpecifications.builder().resourceType("instance").tags(DataClassTags.of(common.dataClass())).build(),
              LaunchTemplateTagSpecifications.builder().resourceType("volume").tags(DataClassTags.of(common.dataClass())).build()))
          .blockDeviceMappings(List.of(LaunchTemplateBlockDeviceMappings.builder()
              .deviceName("/dev/xvda")
              .ebs(LaunchTemplateBlockDeviceMappingsEbs.builder()
                  .volumeSize(30).volumeType("gp3").encrypted("true").deleteOnTermination("true").build())
              .build()))
          .build());
      AutoscalingGroup group = new AutoscalingGroup(this, "Node" + n, AutoscalingGroupConfig.builder()
          .minSize(1)
          .maxSize(1)
          .vpcZoneIdentifier(List.of(subnet.getId()))
          .launchTemplate(AutoscalingGroupLaunchTemplate.builder()
              .id(template.getId()).version(Token.asString(template.getLatestVersion())).build())
          .enabledMetrics(List.of("GroupInServiceInstances"))
          .build());
      nodeGroups.add(group);
      new CloudwatchMetricAlarm(this, "Node" + n + "Down", CloudwatchMetricAlarmConfig.builder()
          .alarmName(common.clusterName() + "-qdrant-node-" + n + "-down")
          .alarmDescription("Qdrant " + common.clusterName() + " node-" + n + " has no instance in service")
          .namespace("AWS/AutoScaling")
          .metricName("GroupInServiceInstances")
          .dimensions(Map.of("AutoScalingGroupName", group.getName()))
          .statistic("Minimum")
          .period(60)
          .evaluationPeriods(3)
          .threshold(1)
          .comparisonOperator("LessThanThreshold")
          .treatMissingData("breaching")
          .build());
    }
    List<String> attachable = new ArrayList<>(volumeArns);
    attachable.add("arn:aws:ec2:" + props.region + ":" + account + ":instance/*");
    allow(role, "NodeRoleVolumes", List.of("ec2:AttachVolume", "ec2:DescribeVolumes"), attachable);
  }

  private SecretsmanagerSecret generatedKey(String id, String access) {
    return GeneratedSecret.create(this, id, secretName(access + "-api-key"),
        "Qdrant cluster " + clusterName + ": " + access + " API key", DataClass.DERIVED, 48).secret();
  }

  /** A secret's name: {@code meridian/<clusterName>/qdrant/<what>}. */
  private String secretName(String what) {
    return "meridian/" + clusterName + "/qdrant/" + what;
  }

  private void allow(IamRole role, String id, List<String> actions, List<String> resources) {
    new IamRolePolicy(this, id, IamRolePolicyConfig.builder()
        .role(role.getId()).policy(PolicyDocuments.allow(actions, resources)).build());
  }

  private static SecurityGroupIngress selfRule(int port, String description) {
    return SecurityGroupIngress.builder().description(description).protocol("tcp").fromPort(port).toPort(port)
        .selfAttribute(true).build();
  }

  private static SecurityGroupIngress clientRule(int port, String description, List<String> groups) {
    return SecurityGroupIngress.builder().description(description).protocol("tcp").fromPort(port).toPort(port)
        .securityGroups(groups).build();
  }

  /** The HTTPS endpoint clients use: {@code https://qdrant.<clusterName>.internal:6333}. */
  public String endpoint() {
    return "https://qdrant." + clusterName + ".internal:" + QdrantConfig.HTTP_PORT;
  }

  /** The nodes' security group. */
  public SecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /** The private hosted zone of the node names. */
  public Route53Zone getZone() {
    return zone;
  }

  /** The snapshot bucket. */
  public S3Bucket getSnapshotBucket() {
    return snapshotBucket;
  }

  /** The nodes' log group. */
  public CloudwatchLogGroup getLogGroup() {
    return logGroup;
  }

  /** The data volumes, node 1 first. */
  public List<EbsVolume> getVolumes() {
    return Collections.unmodifiableList(volumes);
  }

  /** The single-instance groups, node 1 first. */
  public List<AutoscalingGroup> getNodeGroups() {
    return Collections.unmodifiableList(nodeGroups);
  }

  /** Builds a {@link QdrantCluster}; the shared props setters, defaults and checks are {@link QdrantClusterPropsBuilder}'s. */
  public static final class Builder extends QdrantClusterPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private RegionNetwork network;
    private String region;
    private List<String> clientSecurityGroupIds = List.of();

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a cluster {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The network: nodes go into its private subnets. Required. */
    public Builder network(RegionNetwork network) {
      this.network = network;
      return this;
    }

    /** The region of the stack's provider. Required. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Security groups that may call the API (6333/6334), e.g. the GPU fleet's. @default none */
    public Builder clientSecurityGroupIds(List<String> groupIds) {
      this.clientSecurityGroupIds = List.copyOf(groupIds);
      return this;
    }

    /** The cluster. */
    public QdrantCluster build() {
      return new QdrantCluster(scope, id, this);
    }

    private QdrantClusterProps validate() {
      require(network != null, "network: missing (required)");
      requireClusterName("[a-z0-9][a-z0-9-]{0,40}", "1-41 lower-case letters, digits or '-'");
      RegionCode.require("region", region);
      requireCluster();
      requireReplicasNamed(regions -> "snapshotReplicaRegions: " + regions + " needs snapshotBucketName, so replicas can be named");
      QdrantClusterProps common = props();
      common.requireReplicasElsewhere(region);
      return common;
    }
  }
}
