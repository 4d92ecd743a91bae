package dev.meridian.constructs.aws;

import dev.meridian.constructs.aws.internal.EncryptedLogGroups;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionNetworkProps;
import dev.meridian.constructs.config.RegionNetworkPropsBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.ec2.FlowLog;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The network of one region of a deployment: a VPC across 2 or 3 availability zones with
 * public subnets for load balancers and private subnets (egress through NAT) for GPU and data
 * nodes, which pull container images from public registries. S3 is reached through a gateway
 * endpoint; SSM, SSM Messages, EC2 Messages, CloudWatch Logs and Secrets Manager through
 * interface endpoints, so instances are managed and log without leaving the VPC. All traffic
 * is recorded in VPC flow logs, kept in a KMS-encrypted log group tagged
 * {@code meridian:data-class=derived}.
 *
 * <p>The zones are the region's first N as CloudFormation lists them ({@code Fn::GetAZs}),
 * chosen at deploy time: synthesis never looks zones up.
 *
 * <p>Props (all optional; setters, defaults and checks shared with the Terraform twin through
 * {@link RegionNetworkPropsBuilder}): {@code availabilityZones} default 2 (2–3); {@code natGateways}
 * default 1 (1–availabilityZones; 1 keeps cost down, one per zone survives a zone outage);
 * {@code cidr} default {@code 10.0.0.0/16}; {@code interfaceEndpoints} default true;
 * {@code flowLogRetentionDays} default 30.
 *
 * <pre>{@code
 * RegionNetwork network = RegionNetwork.Builder.create(this, "Network").availabilityZones(3).build();
 * }</pre>
 */
public final class RegionNetwork extends Construct {

  /** Interface endpoints created unless disabled, by construct id. */
  private static final Map<String, InterfaceVpcEndpointAwsService> INTERFACE_SERVICES = interfaceServices();

  private final Vpc vpc;
  private final GatewayVpcEndpoint s3Endpoint;
  private final List<InterfaceVpcEndpoint> interfaceEndpoints;
  private final LogGroup flowLogGroup;
  private final FlowLog flowLog;

  private RegionNetwork(Construct scope, String id, Builder props) {
    super(scope, id);
    RegionNetworkProps common = props.props();

    List<String> zones = new ArrayList<>();
    for (int i = 0; i < common.availabilityZones(); i++) {
      zones.add(Fn.select(i, Fn.getAzs()));
    }
    this.vpc = Vpc.Builder.create(this, "Vpc")
        .ipAddresses(IpAddresses.cidr(common.cidr()))
        .availabilityZones(zones)
        .natGateways(common.natGateways())
        .subnetConfiguration(List.of(
            SubnetConfiguration.builder().name("Public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
            SubnetConfiguration.builder().name("Private").subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(20).build()))
        .restrictDefaultSecurityGroup(false)
        .build();

    this.s3Endpoint = vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder()
        .service(GatewayVpcEndpointAwsService.S3)
        .subnets(List.of(privateSubnets()))
        .build());
    List<InterfaceVpcEndpoint> endpoints = new ArrayList<>();
    if (common.interfaceEndpoints()) {
      INTERFACE_SERVICES.forEach((endpointId, service) -> endpoints.add(vpc.addInterfaceEndpoint(endpointId,
          InterfaceVpcEndpointOptions.builder().service(service).privateDnsEnabled(true).subnets(privateSubnets()).build())));
    }
    this.interfaceEndpoints = Collections.unmodifiableList(endpoints);

    this.flowLogGroup = EncryptedLogGroups.create(this, "FlowLogs", "VPC flow logs", common.flowLogRetentionDays(),
        DataClass.DERIVED);
    this.flowLog = vpc.addFlowLog("FlowLog", FlowLogOptions.builder()
        .destination(FlowLogDestination.toCloudWatchLogs(flowLogGroup))
        .trafficType(FlowLogTrafficType.ALL)
        .build());
  }

  private static Map<String, InterfaceVpcEndpointAwsService> interfaceServices() {
    Map<String, InterfaceVpcEndpointAwsService> services = new LinkedHashMap<>();
    services.put("Ssm", InterfaceVpcEndpointAwsService.SSM);
    services.put("SsmMessages", InterfaceVpcEndpointAwsService.SSM_MESSAGES);
    services.put("Ec2Messages", InterfaceVpcEndpointAwsService.EC2_MESSAGES);
    services.put("Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS);
    services.put("SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER);
    return Collections.unmodifiableMap(services);
  }

  /** The VPC. */
  public Vpc getVpc() {
    return vpc;
  }

  /** Where load balancers go: the public subnets. */
  public SubnetSelection publicSubnets() {
    return SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build();
  }

  /** Where GPU and data nodes go: the private subnets with egress through NAT. */
  public SubnetSelection privateSubnets() {
    return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
  }

  /** The S3 gateway endpoint. */
  public GatewayVpcEndpoint getS3Endpoint() {
    return s3Endpoint;
  }

  /** The interface endpoints (empty when disabled), in the order SSM, SSM Messages, EC2 Messages, Logs, Secrets Manager. */
  public List<InterfaceVpcEndpoint> getInterfaceEndpoints() {
    return interfaceEndpoints;
  }

  /** The log group receiving the VPC flow logs. */
  public LogGroup getFlowLogGroup() {
    return flowLogGroup;
  }

  /** The VPC flow log. */
  public FlowLog getFlowLog() {
    return flowLog;
  }

  /** Builds a {@link RegionNetwork}; every prop is optional, its setters, defaults and checks are {@link RegionNetworkPropsBuilder}'s. */
  public static final class Builder extends RegionNetworkPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a network {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The network. */
    public RegionNetwork build() {
      return new RegionNetwork(scope, id, this);
    }
  }
}
