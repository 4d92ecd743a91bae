package dev.meridian.constructs.aws;

import dev.meridian.constructs.aws.internal.EncryptedLogGroups;
import dev.meridian.constructs.aws.internal.OpsReplication;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.QdrantClusterProps;
import dev.meridian.constructs.config.QdrantClusterPropsBuilder;
import dev.meridian.constructs.config.QdrantCollectionDefaults;
import dev.meridian.constructs.config.QdrantConfig;
import dev.meridian.constructs.config.QdrantNodeUserData;
import dev.meridian.constructs.config.TagKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.GroupMetric;
import software.amazon.awscdk.services.autoscaling.GroupMetrics;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.Connections;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.ec2.Volume;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.route53.PrivateHostedZone;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * A Qdrant vector database cluster in one region: "N nodes in distributed mode that my GPU
 * fleet can query, and nothing else can reach". Each node is its own single-instance Auto
 * Scaling group pinned to one private subnet (nodes spread over the VPC's availability
 * zones), with its own encrypted EBS data volume that is created separately, attached at boot
 * and kept when the instance is replaced or the stack deleted. A node's identity is its DNS
 * name {@code node-<n>.<zone>} in a private hosted zone, which the node itself points at its
 * address at boot; clients use the zone name itself (one answer per node). See
 * {@link QdrantNodeUserData} for the boot sequence.
 *
 * <p>Access: HTTP 6333 and gRPC 6334 only from the clients given and the cluster itself;
 * peer-to-peer 6335 only within the cluster. A read-write and a read-only API key are
 * generated in Secrets Manager and read by the nodes at boot; TLS everywhere, with a
 * certificate authority per cluster that node 1 creates on first boot (kept in Secrets
 * Manager; its certificate, without key, published in an SSM parameter for clients). Snapshots
 * of every node go to a versioned S3 bucket in the region on a schedule, under
 * {@code <region>/node-<n>/}, and optionally replicate to the same-named buckets of other
 * regions' clusters. The collection defaults and
 * the endpoint are published as SSM parameters under {@code /meridian/<clusterName>/qdrant/}.
 * An alarm per node fires when its group has no instance in service.
 *
 * <p>Data it keeps, tagged {@code meridian:data-class} with {@code dataClass}: data volumes,
 * snapshot bucket and logs, all retained on stack deletion.
 *
 * <p>Props — required: {@code vpc}, {@code clusterName}. Optional, with defaults (setters, defaults
 * and checks shared with the Terraform twin through {@link QdrantClusterPropsBuilder}):
 * {@code nodes} 3; {@code instanceType} r6i.large; {@code volumeGiB} 100; {@code version}
 * 1.12.4 (image {@code qdrant/qdrant:v<version>}); {@code collectionDefaults}
 * {@link QdrantCollectionDefaults#forNodes(int)}; {@code clients} none; {@code dataClass}
 * user; {@code snapshotSchedule} {@code *-*-* 03:17:00} (daily); {@code snapshotRetentionDays}
 * 30; {@code snapshotBucketName} generated by CloudFormation; {@code snapshotReplicaRegions}
 * none; {@code logRetentionDays} 30.
 */
public final class QdrantCluster extends Construct implements IConnectable {

  private final String clusterName;
  private final SecurityGroup securityGroup;
  private final PrivateHostedZone zone;
  private final Role role;
  private final Secret apiKey;
  private final Secret readOnlyApiKey;
  private final Secret certificateAuthority;
  private final StringParameter certificateParameter;
  private final StringParameter collectionDefaultsParameter;
  private final StringParameter endpointParameter;
  private final Bucket snapshotBucket;
  private final Role snapshotReplicationRole;
  private final LogGroup logGroup;
  private final List<Volume> volumes = new ArrayList<>();
  private final List<AutoScalingGroup> nodeGroups = new ArrayList<>();
  private final List<Alarm> nodeAlarms = new ArrayList<>();

  private QdrantCluster(Construct scope, String id, Builder props) {
    super(scope, id);
    QdrantClusterProps common = props.validate();
    this.clusterName = common.clusterName();
    String zoneName = "qdrant." + common.clusterName() + ".internal";
    String parameterPrefix = "/meridian/" + common.clusterName() + "/qdrant/";

    this.securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
        .vpc(props.vpc)
        .description("Qdrant nodes: API from clients and peers, p2p from peers only")
        .allowAllOutbound(true)
        .build();
    securityGroup.addIngressRule(securityGroup, Port.tcp(QdrantConfig.HTTP_PORT), "Qdrant HTTP from the cluster");
    securityGroup.addIngressRule(securityGroup, Port.tcp(QdrantConfig.GRPC_PORT), "Qdrant gRPC from the cluster");
    securityGroup.addIngressRule(securityGroup, Port.tcp(QdrantConfig.P2P_PORT), "Qdrant p2p within the cluster");
    props.clients.forEach(this::allowClient);

    this.zone = PrivateHostedZone.Builder.create(this, "Zone").zoneName(zoneName).vpc(props.vpc).build();

    this.apiKey = apiKeySecret("ApiKey", "read-write");
    this.readOnlyApiKey = apiKeySecret("ReadOnlyApiKey", "read-only");
    this.certificateAuthority = Secret.Builder.create(this, "CertificateAuthority")
        .description("Qdrant cluster " + common.clusterName() + ": TLS certificate authority, created by node 1 on first boot")
        .generateSecretString(SecretStringGenerator.builder()
            .secretStringTemplate("{\"state\":\"pending\"}")
            .generateStringKey("nonce")
            .excludePunctuation(true)
            .build())
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    // Credentials are tagged with the class of the data they guard.
    for (Secret secret : List.of(apiKey, readOnlyApiKey, certificateAuthority)) {
      Tags.of(secret).add(TagKeys.DATA_CLASS, common.dataClass().tagValue());
    }
    this.certificateParameter = StringParameter.Builder.create(this, "CertificateParameter")
        .parameterName(parameterPrefix + "ca-certificate")
        .description("Qdrant cluster CA certificate (PEM) for clients; written by the nodes at boot")
        .stringValue("pending")
        .build();
    this.collectionDefaultsParameter = StringParameter.Builder.create(this, "CollectionDefaults")
        .parameterName(parameterPrefix + "collection-defaults")
        .description("Qdrant collection defaults: shard_number, replication_factor, write_consistency_factor")
        .stringValue(common.collectionDefaults().json())
        .build();
    this.endpointParameter = StringParameter.Builder.create(this, "Endpoint")
        .parameterName(parameterPrefix + "endpoint")
        .description("Qdrant HTTPS endpoint for clients")
        .stringValue(endpoint())
        .build();

    Bucket.Builder bucket = Bucket.Builder.create(this, "Snapshots")
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .versioned(true)
        .lifecycleRules(List.of(LifecycleRule.builder()
            .expiration(Duration.days(common.snapshotRetentionDays()))
            .noncurrentVersionExpiration(Duration.days(1))
            .build()))
        .removalPolicy(RemovalPolicy.RETAIN);
    if (common.snapshotBucketName() != null) {
      bucket.bucketName(common.snapshotBucketName().in(Stack.of(this).getAccount(), Stack.of(this).getRegion()));
    }
    this.snapshotBucket = bucket.build();
    Tags.of(snapshotBucket).add(TagKeys.DATA_CLASS, common.dataClass().tagValue());
    String here = Stack.of(this).getRegion();
    if (!Token.isUnresolved(here)) {
      common.requireReplicasElsewhere(here);
    }
    List<OpsReplication.Destination> replicas = common.snapshotReplicaRegions().stream().map(region -> {
      String arn = common.snapshotBucketName().arnIn(Stack.of(this).getAccount(), region);
      return new OpsReplication.Destination("to-" + region, arn, List.of(arn + "/" + here + "/*"));
    }).toList();
    this.snapshotReplicationRole = replicas.isEmpty() ? null
        : OpsReplication.replicate(this, "SnapshotReplicationRole", "S3 replication of Qdrant snapshots to other regions",
            snapshotBucket, "", replicas, false);

    this.logGroup = EncryptedLogGroups.create(this, "Logs", "Qdrant cluster " + common.clusterName(),
        common.logRetentionDays(), common.dataClass());

    this.role = Role.Builder.create(this, "NodeRole")
        .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
        .description("Qdrant nodes: own DNS names, data volumes, keys, CA, snapshots, logs")
        .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore")))
        .build();
    apiKey.grantRead(role);
    readOnlyApiKey.grantRead(role);
    certificateAuthority.grantRead(role);
    certificateAuthority.grantWrite(role);
    certificateParameter.grantWrite(role);
    snapshotBucket.grantPut(role);
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:ListBucket"))
        .resources(List.of(snapshotBucket.getBucketArn()))
        .build());
    logGroup.grantWrite(role);
    List<String> recordNames = new ArrayList<>();
    recordNames.add(zoneName);
    for (int n = 1; n <= common.nodes(); n++) {
      recordNames.add(QdrantNodeUserData.nodeName(zoneName, n));
    }
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("route53:ChangeResourceRecordSets"))
        .resources(List.of(zone.getHostedZoneArn()))
        .conditions(Map.of(
            "ForAllValues:StringEquals", new TreeMap<>(Map.of(
                "route53:ChangeResourceRecordSetsNormalizedRecordNames", recordNames,
                "route53:ChangeResourceRecordSetsRecordTypes", List.of("A"),
                "route53:ChangeResourceRecordSetsActions", List.of("UPSERT")))))
        .build());

    QdrantConfig config = new QdrantConfig(common.collectionDefaults());
    List<ISubnet> subnets = props.vpc.selectSubnets(SubnetSelection.builder()
        .subnetType(SubnetType.PRIVATE_WITH_EGRESS).build()).getSubnets();
    for (int n = 1; n <= common.nodes(); n++) {
      ISubnet subnet = subnets.get((n - 1) % subnets.size());
      Volume volume = Volume.Builder.create(this, "Node" + n + "Data")
          .availabilityZone(subnet.getAvailabilityZone())
          .size(Size.gibibytes(common.volumeGiB()))
          .volumeType(EbsDeviceVolumeType.GP3)
          .encrypted(true)
          .removalPolicy(RemovalPolicy.RETAIN)
          .build();
      Tags.of(volume).add(TagKeys.DATA_CLASS, common.dataClass().tagValue());
      volumes.add(volume);

      QdrantNodeUserData userData = new QdrantNodeUserData(n, "qdrant/qdrant:v" + common.version(), zoneName,
          zone.getHostedZoneId(), volume.getVolumeId(), apiKey.getSecretArn(), readOnlyApiKey.getSecretArn(),
          certificateAuthority.getSecretArn(), certificateParameter.getParameterName(),
          snapshotBucket.getBucketName(), common.snapshotSchedule(), logGroup.getLogGroupName(), config);
      LaunchTemplate launchTemplate = LaunchTemplate.Builder.create(this, "Node" + n + "LaunchTemplate")
          .machineImage(MachineImage.latestAmazonLinux2023())
          .instanceType(new InstanceType(common.instanceType()))
          .role(role)
          .securityGroup(securityGroup)
          .userData(UserData.custom(userData.script()))
          .requireImdsv2(true)
          .blockDevices(List.of(BlockDevice.builder()
              .deviceName("/dev/xvda")
              .volume(BlockDeviceVolume.ebs(30, EbsDeviceOptions.builder()
                  .volumeType(EbsDeviceVolumeType.GP3).encrypted(true).deleteOnTermination(true).build()))
              .build()))
          .build();
      // The node's root volume holds Qdrant's WAL and caches of the collections: the cluster's class.
      Tags.of(launchTemplate).add(TagKeys.DATA_CLASS, common.dataClass().tagValue());
      AutoScalingGroup group = AutoScalingGroup.Builder.create(this, "Node" + n)
          .vpc(props.vpc)
          .vpcSubnets(SubnetSelection.builder().subnets(List.of(subnet)).build())
          .launchTemplate(launchTemplate)
          .minCapacity(1)
          .maxCapacity(1)
          .groupMetrics(List.of(new GroupMetrics(GroupMetric.IN_SERVICE_INSTANCES)))
          .build();
      volume.grantAttachVolumeByResourceTag(role, List.of(group), "node" + n);
      nodeGroups.add(group);

      nodeAlarms.add(Alarm.Builder.create(this, "Node" + n + "Down")
          .alarmDescription("Qdrant " + common.clusterName() + " node-" + n + " has no instance in service")
          .metric(Metric.Builder.create()
              .namespace("AWS/AutoScaling")
              .metricName("GroupInServiceInstances")
              .dimensionsMap(Map.of("AutoScalingGroupName", group.getAutoScalingGroupName()))
              .statistic("Minimum")
              .period(Duration.minutes(1))
              .build())
          .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
          .threshold(1)
          .evaluationPeriods(3)
          .treatMissingData(TreatMissingData.BREACHING)
          .build());
    }
  }

  private Secret apiKeySecret(String id, String access) {
    return Secret.Builder.create(this, id)
        .description("Qdrant cluster " + clusterName + ": " + access + " API key")
        .generateSecretString(SecretStringGenerator.builder()
            .passwordLength(48)
            .excludePunctuation(true)
            .build())
        .build();
  }

  /** Opens HTTP 6333 and gRPC 6334 to a client, e.g. a {@code GpuFleet}; never the p2p port. */
  public void allowClient(IConnectable client) {
    securityGroup.getConnections().allowFrom(client, Port.tcp(QdrantConfig.HTTP_PORT), "Qdrant HTTP from a client");
    securityGroup.getConnections().allowFrom(client, Port.tcp(QdrantConfig.GRPC_PORT), "Qdrant gRPC from a client");
  }

  /** Lets a client read the read-write API key and the cluster's published parameters. */
  public Grant grantReadWriteKey(IGrantable grantee) {
    grantParameters(grantee);
    return apiKey.grantRead(grantee);
  }

  /** Lets a client read the read-only API key and the cluster's published parameters. */
  public Grant grantReadOnlyKey(IGrantable grantee) {
    grantParameters(grantee);
    return readOnlyApiKey.grantRead(grantee);
  }

  private void grantParameters(IGrantable grantee) {
    certificateParameter.grantRead(grantee);
    collectionDefaultsParameter.grantRead(grantee);
    endpointParameter.grantRead(grantee);
  }

  /** The HTTPS endpoint clients call: {@code https://qdrant.<clusterName>.internal:6333}. */
  public String endpoint() {
    return "https://qdrant." + clusterName + ".internal:" + QdrantConfig.HTTP_PORT;
  }

  /** The nodes' connections: allow a client with {@link #allowClient}. */
  @Override
  public Connections getConnections() {
    return securityGroup.getConnections();
  }

  /** The nodes' security group. */
  public SecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /** The private hosted zone holding the node and client names. */
  public PrivateHostedZone getZone() {
    return zone;
  }

  /** The nodes' role. */
  public Role getRole() {
    return role;
  }

  /** The secret holding the read-write API key. */
  public Secret getApiKey() {
    return apiKey;
  }

  /** The secret holding the read-only API key. */
  public Secret getReadOnlyApiKey() {
    return readOnlyApiKey;
  }

  /** The secret holding the cluster's TLS certificate authority (certificate and key). */
  public Secret getCertificateAuthority() {
    return certificateAuthority;
  }

  /** The parameter holding the CA certificate clients verify the cluster with. */
  public StringParameter getCertificateParameter() {
    return certificateParameter;
  }

  /** The parameter holding the collection defaults as JSON. */
  public StringParameter getCollectionDefaultsParameter() {
    return collectionDefaultsParameter;
  }

  /** The parameter holding {@link #endpoint()}. */
  public StringParameter getEndpointParameter() {
    return endpointParameter;
  }

  /** The bucket receiving snapshots, one folder per node. */
  public Bucket getSnapshotBucket() {
    return snapshotBucket;
  }

  /** The role replicating snapshots to other regions; empty without {@code snapshotReplicaRegions}. */
  public Optional<Role> getSnapshotReplicationRole() {
    return Optional.ofNullable(snapshotReplicationRole);
  }

  /** The log group receiving the nodes' Qdrant output. */
  public LogGroup getLogGroup() {
    return logGroup;
  }

  /** The nodes' data volumes, node 1 first. */
  public List<Volume> getVolumes() {
    return List.copyOf(volumes);
  }

  /** The nodes' single-instance groups, node 1 first. */
  public List<AutoScalingGroup> getNodeGroups() {
    return List.copyOf(nodeGroups);
  }

  /** The alarms that fire when a node has no instance in service, node 1 first. */
  public List<Alarm> getNodeAlarms() {
    return List.copyOf(nodeAlarms);
  }

  /** Builds a {@link QdrantCluster}; the shared props setters, defaults and checks are {@link QdrantClusterPropsBuilder}'s. */
  public static final class Builder extends QdrantClusterPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private IVpc vpc;
    private List<IConnectable> clients = List.of();

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

    /** The VPC; nodes go to its private subnets with egress, one subnet per node in turn. Required. */
    public Builder vpc(IVpc vpc) {
      this.vpc = vpc;
      return this;
    }

    /** What may call the API (6333/6334), e.g. the GPU fleet. @default none (only the cluster itself) */
    public Builder clients(List<? extends IConnectable> clients) {
      this.clients = List.copyOf(clients);
      return this;
    }

    /** The cluster. */
    public QdrantCluster build() {
      return new QdrantCluster(scope, id, this);
    }

    private QdrantClusterProps validate() {
      require(vpc != null, "vpc: missing; pass the region's VPC (e.g. RegionNetwork.getVpc())");
      requireClusterName("[a-z][a-z0-9-]{0,30}", "1-31 lower-case letters, digits or '-', starting with a letter");
      requireCluster();
      requireReplicasNamed(regions ->
          "snapshotReplicaRegions: given without snapshotBucketName; name the buckets so the replicas can be found");
      return props();
    }
  }
}
