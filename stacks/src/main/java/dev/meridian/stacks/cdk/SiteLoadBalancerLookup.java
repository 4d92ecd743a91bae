package dev.meridian.stacks.cdk;

import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.stacks.ResourceNames;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Reads, at deploy time, the load balancer a site stack published in its own region's SSM
 * Parameter Store — the weak cross-region hand-off to the global DNS stack. Unlike CDK's
 * {@code crossRegionReferences}, nothing is exported, so the site stack stays free to replace its
 * load balancer; the DNS stack picks up the new name on its next deploy (meridian deploy always
 * deploys it last).
 */
final class SiteLoadBalancerLookup extends Construct {

  private final AwsCustomResource dnsName;
  private final AwsCustomResource zoneId;

  SiteLoadBalancerLookup(Construct scope, String id, Topology topology, Site site) {
    super(scope, id);
    String region = site.awsRegion().orElseThrow();
    this.dnsName = read("DnsName", region, ResourceNames.siteParameter(topology, site.name(), SiteStack.LB_DNS_NAME));
    this.zoneId = read("ZoneId", region, ResourceNames.siteParameter(topology, site.name(), SiteStack.LB_ZONE_ID));
  }

  /** The load balancer's DNS name. */
  String dnsName() {
    return dnsName.getResponseField("Parameter.Value");
  }

  /** The load balancer's canonical hosted zone id, for alias records. */
  String canonicalHostedZoneId() {
    return zoneId.getResponseField("Parameter.Value");
  }

  private AwsCustomResource read(String id, String region, String parameter) {
    AwsSdkCall call = AwsSdkCall.builder()
        .service("SSM")
        .action("getParameter")
        .region(region)
        .parameters(Map.of("Name", parameter))
        .physicalResourceId(PhysicalResourceId.of(region + ":" + parameter))
        .build();
    AwsCustomResource resource = AwsCustomResource.Builder.create(this, id)
        .onCreate(call)
        .onUpdate(call)
        .policy(AwsCustomResourcePolicy.fromStatements(List.of(PolicyStatement.Builder.create()
            .actions(List.of("ssm:GetParameter"))
            .resources(List.of(Stack.of(this).formatArn(software.amazon.awscdk.ArnComponents.builder()
                .service("ssm").region(region).resource("parameter").resourceName(parameter.substring(1)).build())))
            .build())))
        .installLatestAwsSdk(false)
        .build();
    return resource;
  }
}
