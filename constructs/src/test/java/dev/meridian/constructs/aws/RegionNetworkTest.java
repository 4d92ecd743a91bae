package dev.meridian.constructs.aws;

import static software.amazon.awscdk.assertions.Match.arrayWith;
import static software.amazon.awscdk.assertions.Match.objectLike;
import static software.amazon.awscdk.assertions.Match.stringLikeRegexp;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** What RegionNetwork promises: subnets per zone, one NAT, private endpoints, flow logs kept encrypted. */
class RegionNetworkTest {

  private static Template defaults;
  private static Template threeZones;

  @BeforeAll
  static void synth() {
    App app = new App();
    Stack stack = new Stack(app, "Network", StackProps.builder()
        .env(Environment.builder().region("eu-west-2").build()).build());
    RegionNetwork.Builder.create(stack, "Network").build();
    Stack three = new Stack(app, "ThreeZones", StackProps.builder()
        .env(Environment.builder().region("eu-central-1").build()).build());
    RegionNetwork.Builder.create(three, "Network").availabilityZones(3).natGateways(3).interfaceEndpoints(false).build();
    defaults = Template.fromStack(stack);
    threeZones = Template.fromStack(three);
  }

  @Test
  void twoZonesEachWithAPublicAndAPrivateSubnetAndOneNatGateway() {
    defaults.resourceCountIs("AWS::EC2::Subnet", 4);
    defaults.resourceCountIs("AWS::EC2::NatGateway", 1);
    defaults.hasResourceProperties("AWS::EC2::Subnet", objectLike(Map.of("MapPublicIpOnLaunch", false)));
  }

  @Test
  void s3IsReachedThroughAGatewayEndpointAndAwsApisThroughInterfaceEndpoints() {
    defaults.hasResourceProperties("AWS::EC2::VPCEndpoint", objectLike(Map.of("VpcEndpointType", "Gateway")));
    for (String service : List.of("ssm", "ssmmessages", "ec2messages", "logs", "secretsmanager")) {
      defaults.hasResourceProperties("AWS::EC2::VPCEndpoint", objectLike(Map.of(
          "VpcEndpointType", "Interface", "ServiceName", stringLikeRegexp(".*\\." + service + "$"))));
    }
  }

  @Test
  void allTrafficIsRecordedInAnEncryptedRetainedLogGroupTaggedDerived() {
    defaults.hasResourceProperties("AWS::EC2::FlowLog", objectLike(Map.of("TrafficType", "ALL")));
    defaults.hasResource("AWS::Logs::LogGroup", objectLike(Map.of(
        "DeletionPolicy", "Retain",
        "Properties", objectLike(Map.of(
            "RetentionInDays", 30,
            "KmsKeyId", objectLike(Map.of()),
            "Tags", arrayWith(List.of(Map.of("Key", "meridian:data-class", "Value", "derived"))))))));
  }

  @Test
  void zonesNatGatewaysAndEndpointsFollowTheProps() {
    threeZones.resourceCountIs("AWS::EC2::Subnet", 6);
    threeZones.resourceCountIs("AWS::EC2::NatGateway", 3);
    threeZones.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", objectLike(Map.of("VpcEndpointType", "Interface")), 0);
  }
}
