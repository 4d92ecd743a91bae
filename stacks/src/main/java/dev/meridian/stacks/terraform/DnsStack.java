package dev.meridian.stacks.terraform;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameter;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameterConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.constructs.dns.DnsTarget;
import dev.meridian.constructs.config.DrillTarget;
import dev.meridian.constructs.terraform.AlarmEventRelay;
import dev.meridian.constructs.terraform.DnsFailover;
import dev.meridian.constructs.terraform.FailoverDrill;
import dev.meridian.stacks.DnsRouting;
import dev.meridian.stacks.ResourceNames;
import dev.meridian.stacks.SiteNames;
import dev.meridian.stacks.StackPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * The global DNS stack of a deployment (us-east-1, where Route 53 health-check metrics live), with
 * its own state: a {@link DnsFailover} with every routed or AWS site — its own name
 * {@code <site>.<record>} — and the Topology's record sets; the relay of the primary's health
 * alarm to the regions of pilot-light standbys; and, when the drilled site is a
 * dedicated server, the drill that inverts its health check. An AWS site's load balancer is read
 * from the SSM parameters its site stack publishes in its own region, through one aliased provider
 * per region: a weak hand-off that leaves the site stacks free to replace their load balancers.
 */
final class DnsStack extends TerraformStack {

  private final Map<String, AwsProvider> regionProviders = new LinkedHashMap<>();

  DnsStack(Construct scope, Topology topology, StackPlan plan, TerraformBackend backend, int levelsToStateBase) {
    super(scope, plan.name());
    StackBase.prepare(this, topology, plan, backend, levelsToStateBase);
    DnsFailover.Builder failover = DnsFailover.Builder.create(this, "Dns")
        .name(topology.name())
        .zoneId(HostedZones.id(this, topology.deployment().dns()))
        .healthCheck(DnsRouting.healthCheck(topology))
        .ttl(topology.routing().ttl())
        .records(DnsRouting.records(topology));
    for (Site site : DnsRouting.checkedSites(topology)) {
      failover.site(site.name(), target(topology, site, plan), SiteNames.host(topology, site.name()));
    }
    DnsFailover dns = failover.build();
    SiteNames.pilotLightRegionsOtherThan(topology, plan.awsRegion())
        .forEach(region -> AlarmEventRelay.Builder.create(this, "PrimaryAlarmTo-" + region)
            .alarmName(SiteNames.primaryHealthAlarm(topology))
            .destinationRegion(region)
            .region(plan.awsRegion())
            .name(topology.name() + "-primary-alarm-to-" + region)
            .build());
    topology.deployment().drills().ifPresent(drills -> SiteNames.drilledSite(topology)
        .filter(site -> !site.isAws())
        .ifPresent(site -> FailoverDrill.Builder.create(this, "Drill")
            .target(DrillTarget.invertedHealthCheck(dns.getHealthCheckId(site.name())))
            .stopConditionAlarmArns(DnsRouting.checkedSites(topology).stream()
                .filter(other -> !other.equals(site))
                .map(other -> dns.getAlarm(other.name()).getArn())
                .toList())
            .durationMinutes(drills.durationMinutes())
            .schedule(drills.schedule())
            .region(plan.awsRegion())
            .name(topology.name() + "-" + site.name() + "-drill")
            .build()));
    StackBase.tagAll(this, StackBase.placementTags(topology, plan));
  }

  /** Where a site answers: its load balancer (read when Terraform plans) or its fixed addresses. */
  private DnsTarget target(Topology topology, Site site, StackPlan plan) {
    if (site.placement() instanceof Placement.Dedicated dedicated) {
      return DnsTarget.addresses(dedicated.endpoints());
    }
    AwsProvider provider = regionProviders.computeIfAbsent(site.awsRegion().orElseThrow(),
        region -> StackBase.provider(this, "aws-" + region, region, region, plan));
    return DnsTarget.loadBalancer(
        read(topology, site, SiteStack.LB_DNS_NAME, "DnsName", provider),
        read(topology, site, SiteStack.LB_ZONE_ID, "ZoneId", provider));
  }

  private String read(Topology topology, Site site, String parameter, String what, AwsProvider provider) {
    return new DataAwsSsmParameter(this, site.name() + "-LoadBalancer" + what, DataAwsSsmParameterConfig.builder()
        .name(ResourceNames.siteParameter(topology, site.name(), parameter))
        .provider(provider)
        .build()).getValue();
  }
}
