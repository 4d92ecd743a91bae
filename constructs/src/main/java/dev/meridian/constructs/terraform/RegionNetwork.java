package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_region.DataAwsRegion;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.eip.EipConfig;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLog;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLogConfig;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGatewayConfig;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGatewayConfig;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route.RouteConfig;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTableConfig;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociationConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.subnet.SubnetConfig;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc.VpcConfig;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpoint;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpointConfig;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionNetworkProps;
import dev.meridian.constructs.config.RegionNetworkPropsBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.constructs.Construct;

/**
 * The network of one region of a deployment, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.RegionNetwork} with the same props and defaults. A VPC across
 * 2 or 3 availability zones with public subnets (/24) for load balancers and private subnets
 * (/20, egress through NAT) for GPU and data nodes; S3 through a gateway endpoint; SSM, SSM
 * Messages, EC2 Messages, CloudWatch Logs and Secrets Manager through interface endpoints; all
 * traffic in VPC flow logs kept in a log group tagged {@code meridian:data-class=derived}.
 *
 * <p>The zones are the region's first N available ones, read by Terraform at plan time
 * ({@code data.aws_availability_zones}); synthesis never looks them up.
 *
 * <p>Props (all optional; setters, defaults and checks shared with the CDK twin through
 * {@link RegionNetworkPropsBuilder}): {@code availabilityZones} default 2 (2–3); {@code natGateways}
 * default 1 (1–availabilityZones); {@code cidr} default {@code 10.0.0.0/16};
 * {@code interfaceEndpoints} default true; {@code flowLogRetentionDays} default 30.
 */
public final class RegionNetwork extends Construct {

  private static final List<String> INTERFACE_SERVICES =
      List.of("ssm", "ssmmessages", "ec2messages", "logs", "secretsmanager");

  private final Vpc vpc;
  private final List<Subnet> publicSubnets;
  private final List<Subnet> privateSubnets;
  private final VpcEndpoint s3Endpoint;
  private final List<VpcEndpoint> interfaceEndpoints;
  private final SecurityGroup endpointSecurityGroup;
  private final CloudwatchLogGroup flowLogGroup;
  private final FlowLog flowLog;

  private RegionNetwork(Construct scope, String id, Builder props) {
    super(scope, id);
    RegionNetworkProps common = props.props();

    DataAwsAvailabilityZones zones = new DataAwsAvailabilityZones(this, "Zones",
        DataAwsAvailabilityZonesConfig.builder().state("available").build());
    DataAwsRegion region = new DataAwsRegion(this, "Region");
    this.vpc = new Vpc(this, "Vpc", VpcConfig.builder()
        .cidrBlock(common.cidr()).enableDnsHostnames(true).enableDnsSupport(true).build());
    InternetGateway gateway = new InternetGateway(this, "InternetGateway",
        InternetGatewayConfig.builder().vpcId(vpc.getId()).build());

    RouteTable publicRoutes = new RouteTable(this, "PublicRoutes", RouteTableConfig.builder().vpcId(vpc.getId()).build());
    new Route(this, "PublicDefaultRoute", RouteConfig.builder()
        .routeTableId(publicRoutes.getId()).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway.getId()).build());

    List<Subnet> publics = new ArrayList<>();
    List<Subnet> privates = new ArrayList<>();
    List<NatGateway> nats = new ArrayList<>();
    List<RouteTable> privateRouteTables = new ArrayList<>();
    for (int i = 0; i < common.availabilityZones(); i++) {
      String zone = Token.asString(Fn.element(zones.getNames(), i));
      Subnet pub = new Subnet(this, "Public" + (i + 1), SubnetConfig.builder()
          .vpcId(vpc.getId()).availabilityZone(zone).cidrBlock(Fn.cidrsubnet(common.cidr(), 8, i))
          .mapPublicIpOnLaunch(false).build());
      new RouteTableAssociation(this, "Public" + (i + 1) + "Routes", RouteTableAssociationConfig.builder()
          .subnetId(pub.getId()).routeTableId(publicRoutes.getId()).build());
      publics.add(pub);
      if (i < common.natGateways()) {
        Eip address = new Eip(this, "Nat" + (i + 1) + "Address", EipConfig.builder().domain("vpc").build());
        nats.add(new NatGateway(this, "Nat" + (i + 1), NatGatewayConfig.builder()
            .allocationId(address.getId()).subnetId(pub.getId()).build()));
      }
    }
    for (int i = 0; i < common.availabilityZones(); i++) {
      String zone = Token.asString(Fn.element(zones.getNames(), i));
      // /20 private subnets start at the second /20 of a /16, after the public /24s.
      Subnet priv = new Subnet(this, "Private" + (i + 1), SubnetConfig.builder()
          .vpcId(vpc.getId()).availabilityZone(zone).cidrBlock(Fn.cidrsubnet(common.cidr(), 4, i + 1)).build());
      RouteTable routes = new RouteTable(this, "Private" + (i + 1) + "Routes",
          RouteTableConfig.builder().vpcId(vpc.getId()).build());
      new Route(this, "Private" + (i + 1) + "DefaultRoute", RouteConfig.builder()
          .routeTableId(routes.getId()).destinationCidrBlock("0.0.0.0/0")
          .natGatewayId(nats.get(i % nats.size()).getId()).build());
      new RouteTableAssociation(this, "Private" + (i + 1) + "RoutesAssociation", RouteTableAssociationConfig.builder()
          .subnetId(priv.getId()).routeTableId(routes.getId()).build());
      privates.add(priv);
      privateRouteTables.add(routes);
    }
    this.publicSubnets = Collections.unmodifiableList(publics);
    this.privateSubnets = Collections.unmodifiableList(privates);

    this.s3Endpoint = new VpcEndpoint(this, "S3", VpcEndpointConfig.builder()
        .vpcId(vpc.getId())
        .serviceName("com.amazonaws." + region.getName() + ".s3")
        .vpcEndpointType("Gateway")
        .routeTableIds(privateRouteTables.stream().map(RouteTable::getId).toList())
        .build());

    this.endpointSecurityGroup = new SecurityGroup(this, "EndpointSecurityGroup", SecurityGroupConfig.builder()
        .vpcId(vpc.getId())
        .description("Interface endpoints: HTTPS from inside the VPC")
        .ingress(List.of(SecurityGroupIngress.builder()
            .description("HTTPS from the VPC").protocol("tcp").fromPort(443).toPort(443)
            .cidrBlocks(List.of(common.cidr())).build()))
        .build());
    List<VpcEndpoint> endpoints = new ArrayList<>();
    if (common.interfaceEndpoints()) {
      for (String service : INTERFACE_SERVICES) {
        endpoints.add(new VpcEndpoint(this, "Endpoint-" + service, VpcEndpointConfig.builder()
            .vpcId(vpc.getId())
            .serviceName("com.amazonaws." + region.getName() + "." + service)
            .vpcEndpointType("Interface")
            .privateDnsEnabled(true)
            .subnetIds(privates.stream().map(Subnet::getId).toList())
            .securityGroupIds(List.of(endpointSecurityGroup.getId()))
            .build()));
      }
    }
    this.interfaceEndpoints = Collections.unmodifiableList(endpoints);

    this.flowLogGroup = EncryptedLogGroups.create(this, "FlowLogs", "VPC flow logs",
        new DataAwsCallerIdentity(this, "Caller").getAccountId(), region.getName(), common.flowLogRetentionDays(),
        DataClass.DERIVED);
    IamRole flowLogRole = new IamRole(this, "FlowLogRole", IamRoleConfig.builder()
        .description("VPC flow logs: deliver to the flow log group")
        .assumeRolePolicy(PolicyDocuments.assumedBy("vpc-flow-logs.amazonaws.com"))
        .build());
    new IamRolePolicy(this, "FlowLogRolePolicy", IamRolePolicyConfig.builder()
        .role(flowLogRole.getId())
        .policy(PolicyDocuments.allow(
            List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
            List.of(flowLogGroup.getArn(), flowLogGroup.getArn() + ":*")))
        .build());
    this.flowLog = new FlowLog(this, "FlowLog", FlowLogConfig.builder()
        .vpcId(vpc.getId())
        .trafficType("ALL")
        .logDestinationType("cloud-watch-logs")
        .logDestination(flowLogGroup.getArn())
        .iamRoleArn(flowLogRole.getArn())
        .build());
  }

  /** The VPC. */
  public Vpc getVpc() {
    return vpc;
  }

  /** Where load balancers go: the public subnets, one per zone. */
  public List<Subnet> getPublicSubnets() {
    return publicSubnets;
  }

  /** Where GPU and data nodes go: the private subnets with egress through NAT, one per zone. */
  public List<Subnet> getPrivateSubnets() {
    return privateSubnets;
  }

  /** The private subnets' ids. */
  public List<String> privateSubnetIds() {
    return privateSubnets.stream().map(Subnet::getId).toList();
  }

  /** The public subnets' ids. */
  public List<String> publicSubnetIds() {
    return publicSubnets.stream().map(Subnet::getId).toList();
  }

  /** The S3 gateway endpoint. */
  public VpcEndpoint getS3Endpoint() {
    return s3Endpoint;
  }

  /** The interface endpoints (empty when disabled), in the order SSM, SSM Messages, EC2 Messages, Logs, Secrets Manager. */
  public List<VpcEndpoint> getInterfaceEndpoints() {
    return interfaceEndpoints;
  }

  /** The log group receiving the VPC flow logs. */
  public CloudwatchLogGroup getFlowLogGroup() {
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
