package dev.meridian.constructs.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.meridian.constructs.config.LogRetention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What RegionNetwork promises in Terraform, as its CDK twin: subnets per zone, NAT as asked, S3 through a gateway
 * endpoint and AWS APIs through interface endpoints, all traffic in flow logs kept encrypted, retained and tagged.
 */
class RegionNetworkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TerraformStack stack;
  private static String synthesized;
  private static JsonNode defaults;
  private static JsonNode threeZones;

  @BeforeAll
  static void synthesize() throws Exception {
    stack = new TerraformStack(Testing.app(), "network");
    new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-2").build());
    RegionNetwork.Builder.create(stack, "Network").build();
    synthesized = Testing.synth(stack);
    defaults = JSON.readTree(synthesized).path("resource");

    TerraformStack three = new TerraformStack(Testing.app(), "three");
    new AwsProvider(three, "aws", AwsProviderConfig.builder().region("eu-central-1").build());
    RegionNetwork.Builder.create(three, "Network").availabilityZones(3).natGateways(3).interfaceEndpoints(false)
        .cidr("10.20.0.0/16").flowLogRetentionDays(90).build();
    threeZones = JSON.readTree(Testing.synth(three)).path("resource");
  }

  private static List<JsonNode> all(JsonNode resources, String type) {
    List<JsonNode> found = new ArrayList<>();
    resources.path(type).elements().forEachRemaining(found::add);
    return found;
  }

  private static JsonNode only(JsonNode resources, String type) {
    assertThat(resources.path(type).size()).as(type).isEqualTo(1);
    return resources.path(type).elements().next();
  }

  private static JsonNode named(JsonNode resources, String type, String idPrefix) {
    List<JsonNode> found = new ArrayList<>();
    resources.path(type).fields().forEachRemaining(e -> {
      if (e.getKey().startsWith(idPrefix)) {
        found.add(e.getValue());
      }
    });
    assertThat(found).as(type + " " + idPrefix).hasSize(1);
    return found.get(0);
  }

  @Test
  void twoZonesEachWithAPublicAndAPrivateSubnetAndOneNatGateway() {
    assertThat(all(defaults, "aws_subnet")).hasSize(4);
    assertThat(only(defaults, "aws_nat_gateway").path("subnet_id").asText()).contains("aws_subnet.Network_Public1_");
    assertThat(only(defaults, "aws_eip").path("domain").asText()).isEqualTo("vpc");
    for (int zone = 0; zone < 2; zone++) {
      JsonNode pub = named(defaults, "aws_subnet", "Network_Public" + (zone + 1) + "_");
      JsonNode priv = named(defaults, "aws_subnet", "Network_Private" + (zone + 1) + "_");
      String az = "${element(data.aws_availability_zones.Network_Zones_";
      assertThat(pub.path("availability_zone").asText()).startsWith(az).endsWith(".names, " + zone + ")}");
      assertThat(priv.path("availability_zone").asText()).isEqualTo(pub.path("availability_zone").asText());
      assertThat(pub.path("map_public_ip_on_launch").asBoolean(true)).isFalse();
      assertThat(pub.path("cidr_block").asText()).isEqualTo("${cidrsubnet(\"10.0.0.0/16\", 8, " + zone + ")}");
      assertThat(priv.path("cidr_block").asText()).isEqualTo("${cidrsubnet(\"10.0.0.0/16\", 4, " + (zone + 1) + ")}");
    }
  }

  @Test
  void zonesAreReadAtPlanTimeFromTheAvailableOnes() throws Exception {
    JsonNode zones = JSON.readTree(synthesized).path("data").path("aws_availability_zones");
    assertThat(zones.size()).isEqualTo(1);
    assertThat(zones.elements().next().path("state").asText()).isEqualTo("available");
  }

  @Test
  void publicSubnetsRouteToTheInternetAndPrivateSubnetsThroughNat() {
    JsonNode publicRoute = named(defaults, "aws_route", "Network_PublicDefaultRoute_");
    assertThat(publicRoute.path("destination_cidr_block").asText()).isEqualTo("0.0.0.0/0");
    assertThat(publicRoute.path("gateway_id").asText()).contains("aws_internet_gateway.Network_InternetGateway_");
    for (int zone = 1; zone <= 2; zone++) {
      JsonNode route = named(defaults, "aws_route", "Network_Private" + zone + "DefaultRoute_");
      assertThat(route.path("destination_cidr_block").asText()).isEqualTo("0.0.0.0/0");
      assertThat(route.path("nat_gateway_id").asText()).contains("aws_nat_gateway.Network_Nat1_");
      assertThat(route.has("gateway_id")).isFalse();
      assertThat(named(defaults, "aws_route_table_association", "Network_Private" + zone + "RoutesAssociation_")
          .path("subnet_id").asText()).contains("aws_subnet.Network_Private" + zone + "_");
    }
  }

  @Test
  void s3IsReachedThroughAGatewayEndpointOnThePrivateRouteTables() {
    JsonNode s3 = named(defaults, "aws_vpc_endpoint", "Network_S3_");
    assertThat(s3.path("vpc_endpoint_type").asText()).isEqualTo("Gateway");
    assertThat(s3.path("service_name").asText()).startsWith("com.amazonaws.${data.aws_region.Network_Region_").endsWith(".s3");
    assertThat(s3.path("route_table_ids")).hasSize(2).allSatisfy(id ->
        assertThat(id.asText()).contains("aws_route_table.Network_Private"));
  }

  @Test
  void awsApisAreReachedThroughInterfaceEndpointsInThePrivateSubnetsOverHttpsFromTheVpc() {
    List<JsonNode> interfaces = all(defaults, "aws_vpc_endpoint").stream()
        .filter(e -> e.path("vpc_endpoint_type").asText().equals("Interface")).toList();
    assertThat(interfaces).extracting(e -> e.path("service_name").asText().replaceAll(".*\\.", ""))
        .containsExactlyInAnyOrder("ssm", "ssmmessages", "ec2messages", "logs", "secretsmanager");
    for (JsonNode endpoint : interfaces) {
      assertThat(endpoint.path("private_dns_enabled").asBoolean()).isTrue();
      assertThat(endpoint.path("subnet_ids")).hasSize(2).allSatisfy(id ->
          assertThat(id.asText()).contains("aws_subnet.Network_Private"));
      assertThat(endpoint.path("security_group_ids").toString()).contains("aws_security_group.Network_EndpointSecurityGroup_");
    }
    JsonNode ingress = only(defaults, "aws_security_group").path("ingress");
    assertThat(ingress).hasSize(1);
    assertThat(ingress.get(0).path("protocol").asText()).isEqualTo("tcp");
    assertThat(ingress.get(0).path("from_port").asInt()).isEqualTo(443);
    assertThat(ingress.get(0).path("to_port").asInt()).isEqualTo(443);
    assertThat(ingress.get(0).path("cidr_blocks").toString()).isEqualTo("[\"10.0.0.0/16\"]");
  }

  @Test
  void allTrafficIsRecordedInAnEncryptedRetainedLogGroupTaggedDerived() throws Exception {
    assertThat(Testing.toHaveResourceWithProperties(synthesized, "aws_flow_log",
        Map.of("traffic_type", "ALL", "log_destination_type", "cloud-watch-logs"))).isTrue();
    JsonNode flowLog = only(defaults, "aws_flow_log");
    assertThat(flowLog.path("log_destination").asText()).contains("aws_cloudwatch_log_group.Network_FlowLogs_");
    assertThat(flowLog.path("vpc_id").asText()).contains("aws_vpc.Network_Vpc_");

    JsonNode group = only(defaults, "aws_cloudwatch_log_group");
    assertThat(group.path("retention_in_days").asInt()).isEqualTo(30);
    assertThat(group.path("tags").path("meridian:data-class").asText()).isEqualTo("derived");
    assertThat(group.at("/lifecycle/prevent_destroy").asBoolean()).isTrue();
    assertThat(group.path("kms_key_id").asText()).contains("aws_kms_key.Network_FlowLogsKey_");
    JsonNode key = only(defaults, "aws_kms_key");
    assertThat(key.path("enable_key_rotation").asBoolean()).isTrue();
    assertThat(key.at("/lifecycle/prevent_destroy").asBoolean()).isTrue();
  }

  @Test
  void flowLogRoleIsAssumedByFlowLogsAndMayWriteOnlyItsGroup() throws Exception {
    JsonNode trust = JSON.readTree(only(defaults, "aws_iam_role").path("assume_role_policy").asText());
    assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("vpc-flow-logs.amazonaws.com");
    assertThat(only(defaults, "aws_flow_log").path("iam_role_arn").asText()).contains("aws_iam_role.Network_FlowLogRole_");
    JsonNode statement = JSON.readTree(only(defaults, "aws_iam_role_policy").path("policy").asText()).at("/Statement/0");
    assertThat(statement.path("Resource")).hasSize(2).allSatisfy(arn ->
        assertThat(arn.asText()).startsWith("${aws_cloudwatch_log_group.Network_FlowLogs_"));
    assertThat(statement.path("Action").toString()).contains("logs:PutLogEvents").doesNotContain("*\"");
  }

  @Test
  void zonesNatGatewaysEndpointsCidrAndRetentionFollowTheProps() {
    assertThat(all(threeZones, "aws_subnet")).hasSize(6);
    assertThat(all(threeZones, "aws_nat_gateway")).hasSize(3);
    assertThat(all(threeZones, "aws_eip")).hasSize(3);
    for (int zone = 1; zone <= 3; zone++) {
      assertThat(named(threeZones, "aws_nat_gateway", "Network_Nat" + zone + "_").path("subnet_id").asText())
          .contains("aws_subnet.Network_Public" + zone + "_");
      assertThat(named(threeZones, "aws_route", "Network_Private" + zone + "DefaultRoute_").path("nat_gateway_id").asText())
          .contains("aws_nat_gateway.Network_Nat" + zone + "_");
    }
    assertThat(all(threeZones, "aws_vpc_endpoint")).extracting(e -> e.path("vpc_endpoint_type").asText())
        .containsExactly("Gateway");
    assertThat(named(threeZones, "aws_vpc_endpoint", "Network_S3_").path("route_table_ids")).hasSize(3);
    assertThat(only(threeZones, "aws_vpc").path("cidr_block").asText()).isEqualTo("10.20.0.0/16");
    assertThat(named(threeZones, "aws_subnet", "Network_Private3_").path("cidr_block").asText())
        .isEqualTo("${cidrsubnet(\"10.20.0.0/16\", 4, 3)}");
    assertThat(only(threeZones, "aws_cloudwatch_log_group").path("retention_in_days").asInt()).isEqualTo(90);
  }

  @Test
  void unsupportedZoneCountIsRejected() {
    assertThatThrownBy(() -> RegionNetwork.Builder.create(stack, "One").availabilityZones(1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("availabilityZones: 1 is not supported; use 2 or 3");
    assertThatThrownBy(() -> RegionNetwork.Builder.create(stack, "Four").availabilityZones(4).build())
        .hasMessage("availabilityZones: 4 is not supported; use 2 or 3");
  }

  @Test
  void natGatewaysOutsideOneToZonesAreRejected() {
    assertThatThrownBy(() -> RegionNetwork.Builder.create(stack, "NoNat").natGateways(0).build())
        .hasMessage("natGateways: 0 must be between 1 and availabilityZones (2)");
    assertThatThrownBy(() -> RegionNetwork.Builder.create(stack, "TooMany").natGateways(3).build())
        .hasMessage("natGateways: 3 must be between 1 and availabilityZones (2)");
  }

  @Test
  void flowLogRetentionMustBeACloudWatchRetention() {
    assertThatThrownBy(() -> RegionNetwork.Builder.create(stack, "Odd").flowLogRetentionDays(31).build())
        .hasMessage("flowLogRetentionDays: 31 days is not a CloudWatch Logs retention; use one of "
            + LogRetention.SUPPORTED_DAYS);
  }
}
