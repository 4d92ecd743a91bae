package dev.meridian.stacks.cdk;

import static software.amazon.awscdk.assertions.Match.absent;
import static software.amazon.awscdk.assertions.Match.arrayWith;
import static software.amazon.awscdk.assertions.Match.objectLike;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each pattern's example promises in its CloudFormation: routing records and their policy,
 * health checks on the right targets, GPU capacity per site, IMDSv2, encryption and tags.
 */
class PatternTemplatesTest {

  @Test
  void activePassiveRoutesToThePrimaryAndFailsOverToTheDedicatedServer() {
    var dns = SynthesizedExampleStacks.template("chat-uk-dns");
    dns.hasResourceProperties("AWS::Route53::RecordSet", objectLike(Map.of(
        "Name", "api.example.com.", "Failover", "PRIMARY", "SetIdentifier", "london-primary")));
    dns.hasResourceProperties("AWS::Route53::RecordSet", objectLike(Map.of(
        "Name", "api.example.com.", "Failover", "SECONDARY", "SetIdentifier", "uk-colo-secondary",
        "ResourceRecords", List.of("203.0.113.10", "203.0.113.11"))));
    dns.hasResourceProperties("AWS::Route53::HealthCheck", objectLike(Map.of("HealthCheckConfig", objectLike(Map.of(
        "Type", "HTTPS", "IPAddress", "203.0.113.10", "ResourcePath", "/health", "RequestInterval", 10, "FailureThreshold", 3)))));
    dns.hasResourceProperties("AWS::Route53::HealthCheck", objectLike(Map.of("HealthCheckConfig", objectLike(Map.of(
        "Type", "CALCULATED", "HealthThreshold", 1)))));
    dns.hasResourceProperties("AWS::CloudWatch::Alarm", objectLike(Map.of(
        "Namespace", "AWS/Route53", "MetricName", "HealthCheckStatus", "ComparisonOperator", "LessThanThreshold")));
  }

  @Test
  void aPilotLightStandbyRunsNoInstancesUntilThePrimaryFailsItsHealthCheck() {
    var frankfurt = SynthesizedExampleStacks.template("chat-eu-dr-frankfurt");
    frankfurt.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", objectLike(Map.of("MinSize", "0", "MaxSize", "4")));
    SynthesizedExampleStacks.template("chat-eu-dr-london").hasResourceProperties("AWS::AutoScaling::AutoScalingGroup",
        objectLike(Map.of("MinSize", "2", "MaxSize", "4")));
    frankfurt.hasResourceProperties("AWS::Events::Rule", objectLike(Map.of("EventPattern", objectLike(Map.of(
        "detail", Map.of("alarmName", List.of("chat-eu-dr-london-unhealthy"), "state", Map.of("value", List.of("ALARM"))))))));
    frankfurt.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
    var dns = SynthesizedExampleStacks.template("chat-eu-dr-dns");
    dns.hasResourceProperties("AWS::CloudWatch::Alarm", objectLike(Map.of("AlarmName", "chat-eu-dr-london-unhealthy")));
    dns.hasResourceProperties("AWS::Events::Rule", objectLike(Map.of(
        "Description", "Relay chat-eu-dr-london-unhealthy entering ALARM to eu-central-1")));
    SynthesizedExampleStacks.template("chat-eu-dr-london").resourceCountIs("AWS::StepFunctions::StateMachine", 0);
    SynthesizedExampleStacks.template("chat-uk-dns").resourceCountIs("AWS::Events::Rule", 0);
  }

  @Test
  void activeActiveHasOneLatencyRecordPerRegionEachHealthChecked() {
    var dns = SynthesizedExampleStacks.template("chat-us-dns");
    for (String region : List.of("us-east-1", "us-west-2")) {
      dns.hasResourceProperties("AWS::Route53::RecordSet", objectLike(Map.of(
          "Name", "us.api.example.com.", "Region", region, "HealthCheckId", objectLike(Map.of()))));
    }
    dns.hasResourceProperties("AWS::Route53::HealthCheck", objectLike(Map.of("HealthCheckConfig", objectLike(Map.of(
        "Type", "HTTPS", "EnableSNI", true, "FullyQualifiedDomainName", objectLike(Map.of()))))));
  }

  @Test
  void regionalShardingSendsEachCountryToItsJurisdictionAndHasNoDefaultRecord() {
    var dns = SynthesizedExampleStacks.template("chat-shards-dns");
    dns.hasResourceProperties("AWS::Route53::RecordSet", objectLike(Map.of(
        "SetIdentifier", "uk-gb", "GeoLocation", Map.of("CountryCode", "GB"))));
    dns.hasResourceProperties("AWS::Route53::RecordSet", objectLike(Map.of(
        "SetIdentifier", "eu-fr", "GeoLocation", Map.of("CountryCode", "FR"))));
    dns.resourcePropertiesCountIs("AWS::Route53::RecordSet", objectLike(Map.of(
        "GeoLocation", Map.of("CountryCode", "*"))), 0);
  }

  @Test
  void hubAndSpokeRoutesUsersToSpokesOnly() {
    var dns = SynthesizedExampleStacks.template("rag-hub-dns");
    dns.hasResourceProperties("AWS::Route53::RecordSet", objectLike(Map.of("Name", "rag.example.com.", "Region", "us-east-2")));
    dns.hasResourceProperties("AWS::Route53::RecordSet", objectLike(Map.of("Name", "rag.example.com.", "Region", "us-west-2")));
    dns.resourcePropertiesCountIs("AWS::Route53::RecordSet", objectLike(Map.of("Name", "rag.example.com.", "Region", "us-east-1")), 0);
    SynthesizedExampleStacks.template("rag-hub-hub").hasResourceProperties("AWS::EC2::LaunchTemplate", objectLike(Map.of(
        "LaunchTemplateData", objectLike(Map.of("InstanceType", "p4d.24xlarge")))));
  }

  @Test
  void singleRegionHasASimpleRecordWithoutHealthCheckAndAGatewayToBedrockInLondonOnly() {
    SynthesizedExampleStacks.template("assist-dns").hasResourceProperties("AWS::Route53::RecordSet", objectLike(Map.of(
        "Name", "assist.example.com.", "SetIdentifier", absent(), "HealthCheckId", absent(), "Failover", absent())));
    SynthesizedExampleStacks.template("assist-london").hasResourceProperties("AWS::IAM::Policy", objectLike(Map.of(
        "PolicyDocument", objectLike(Map.of("Statement", arrayWith(List.of(objectLike(Map.of(
            "Action", arrayWith(List.of("bedrock:InvokeModel")))))))))));
  }

  @Test
  void thePrimaryRunsTheEvalsAgainstEverySiteStandbyIncluded() {
    var london = SynthesizedExampleStacks.template("chat-uk-london");
    london.resourcePropertiesCountIs("AWS::Scheduler::Schedule", objectLike(Map.of(
        "Target", objectLike(Map.of("EcsParameters", objectLike(Map.of()))))), 2);
    var hub = SynthesizedExampleStacks.template("rag-hub-hub");
    hub.resourcePropertiesCountIs("AWS::Scheduler::Schedule", objectLike(Map.of(
        "Target", objectLike(Map.of("EcsParameters", objectLike(Map.of()))))), 3);
    SynthesizedExampleStacks.template("rag-hub-ohio").resourceCountIs("AWS::Scheduler::Schedule", 0);
  }

  @Test
  void theDrillStopsThePrimaryAndOnlyThePrimary() {
    SynthesizedExampleStacks.template("chat-eu-dr-london").resourceCountIs("AWS::FIS::ExperimentTemplate", 1);
    SynthesizedExampleStacks.template("chat-eu-dr-frankfurt").resourceCountIs("AWS::FIS::ExperimentTemplate", 0);
    SynthesizedExampleStacks.template("chat-eu-dr-london").hasResourceProperties("AWS::FIS::ExperimentTemplate",
        objectLike(Map.of("Actions", objectLike(Map.of()), "StopConditions", arrayWith(List.of(objectLike(Map.of(
            "Source", "aws:cloudwatch:alarm")))))));
  }

  @Test
  void gpuInstancesRequireImdsV2AndEncryptTheirRootVolume() {
    SynthesizedExampleStacks.template("chat-uk-london").hasResourceProperties("AWS::EC2::LaunchTemplate", objectLike(Map.of(
        "LaunchTemplateData", objectLike(Map.of(
            "InstanceType", "g6.xlarge",
            "MetadataOptions", objectLike(Map.of("HttpTokens", "required")),
            "BlockDeviceMappings", arrayWith(List.of(objectLike(Map.of("Ebs", objectLike(Map.of("Encrypted", true)))))))))));
  }

  @Test
  void theLoadBalancerServesHttpsAndChecksTheServersHealthPath() {
    var site = SynthesizedExampleStacks.template("chat-uk-london");
    site.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", objectLike(Map.of("Port", 443, "Protocol", "HTTPS")));
    site.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", objectLike(Map.of(
        "Port", 8000, "HealthCheckPath", "/health")));
  }

  @Test
  void resourcesCarryTheirDeploymentSiteAndJurisdiction() {
    SynthesizedExampleStacks.template("chat-shards-uk").hasResourceProperties("AWS::S3::Bucket", objectLike(Map.of(
        "Tags", arrayWith(List.of(
            Map.of("Key", "meridian:data-class", "Value", "artifact"),
            Map.of("Key", "meridian:deployment", "Value", "chat-shards"),
            Map.of("Key", "meridian:jurisdiction", "Value", "UK"),
            Map.of("Key", "meridian:site", "Value", "uk"))))));
  }
}
