package dev.meridian.stacks.cdk;

import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.constructs.aws.AlarmEventRelay;
import dev.meridian.constructs.aws.DnsFailover;
import dev.meridian.constructs.aws.FailoverDrill;
import dev.meridian.constructs.config.DrillTarget;
import dev.meridian.constructs.dns.DnsTarget;
import dev.meridian.stacks.DnsRouting;
import dev.meridian.stacks.SiteNames;
import dev.meridian.stacks.StackPlan;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.constructs.Construct;

/**
 * A deployment's global DNS, in us-east-1 (where Route 53 publishes health-check metrics): a
 * {@link DnsFailover} with every routed or AWS site — an AWS site's load balancer found at deploy
 * time through {@link SiteLoadBalancerLookup}, a dedicated server's addresses — its own name
 * {@code <site>.<record>}, and the Topology's record sets; the relay of the primary's health
 * alarm to the regions of pilot-light standbys; and, when the drilled site is a dedicated
 * server, the drill that inverts its health check.
 */
final class DnsStack extends Stack {

  /** The construct id CDK gives the singleton Lambda of AwsCustomResource. */
  private static final String AWS_CUSTOM_RESOURCE_PROVIDER = "AWS679f53fac002430cb0da5b7982bd2287";

  DnsStack(Construct scope, Topology topology, StackPlan plan) {
    super(scope, plan.name(), MeridianStacks.props(topology, plan));
    var dns = topology.deployment().dns();
    DnsFailover.Builder failover = DnsFailover.Builder.create(this, "Dns")
        .name(topology.name())
        .healthCheck(DnsRouting.healthCheck(topology))
        .ttl(topology.routing().ttl())
        .records(DnsRouting.records(topology));
    dns.hostedZoneId().ifPresentOrElse(failover::zoneId, () -> failover.zoneName(topology.routing().zone()));
    for (Site site : DnsRouting.checkedSites(topology)) {
      failover.site(site.name(), target(topology, site), SiteNames.host(topology, site.name()));
    }
    DnsFailover failoverDns = failover.build();
    relayPrimaryAlarm(topology, plan);
    // The Lambda behind every AwsCustomResource of the stack (one singleton, CDK's fixed id).
    Optional.ofNullable(getNode().tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER)).ifPresent(provider ->
        CdkNagChecks.suppress(provider, "AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole only lets the SSM look-up"
            + " function write its own logs; its permissions are the ssm:GetParameter statements on the sites' parameters"));
    topology.deployment().drills().ifPresent(drills -> SiteNames.drilledSite(topology)
        .filter(site -> !site.isAws())
        .ifPresent(site -> dedicatedDrill(topology, failoverDns, site, drills.durationMinutes(), drills.schedule())));
  }

  /** Where a site answers: its load balancer (found at deploy time) or its fixed addresses. */
  private DnsTarget target(Topology topology, Site site) {
    if (site.placement() instanceof Placement.Dedicated dedicated) {
      return DnsTarget.addresses(dedicated.endpoints());
    }
    SiteLoadBalancerLookup lookup = new SiteLoadBalancerLookup(this, "LoadBalancer-" + site.name(), topology, site);
    return DnsTarget.loadBalancer(lookup.dnsName(), lookup.canonicalHostedZoneId());
  }

  /** A drill that inverts a dedicated site's health check, so DNS fails over while the server keeps running. */
  private void dedicatedDrill(Topology topology, DnsFailover dns, Site site, int minutes, String schedule) {
    List<IAlarm> stopConditions = DnsRouting.checkedSites(topology).stream()
        .filter(other -> !other.equals(site))
        .map(other -> (IAlarm) dns.getAlarm(other.name()))
        .toList();
    FailoverDrill drill = FailoverDrill.Builder.create(this, "Drill")
        .target(DrillTarget.invertedHealthCheck(dns.getHealthCheckId(site.name())))
        .stopConditions(stopConditions)
        .durationMinutes(minutes)
        .schedule(schedule)
        .build();
    NagExceptions.drill(drill);
  }

  /** Relays the primary's health alarm to every region with a pilot-light standby, where it wakes the standby. */
  private void relayPrimaryAlarm(Topology topology, StackPlan plan) {
    SiteNames.pilotLightRegionsOtherThan(topology, plan.awsRegion())
        .forEach(region -> AlarmEventRelay.Builder.create(this, "PrimaryAlarmTo-" + region)
            .alarmName(SiteNames.primaryHealthAlarm(topology))
            .destinationRegion(region)
            .build());
  }
}
