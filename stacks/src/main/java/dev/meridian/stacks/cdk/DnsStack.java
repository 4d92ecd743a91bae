package dev.meridian.stacks.cdk;

import dev.meridian.blueprints.plan.GeoTarget;
import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.Routing;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.HealthCheck;
import dev.meridian.constructs.config.DrillTarget;
import dev.meridian.constructs.aws.FailoverDrill;
import dev.meridian.stacks.SiteNames;
import dev.meridian.stacks.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.route53.CfnHealthCheck;
import software.amazon.awscdk.services.route53.CfnRecordSet;
import software.constructs.Construct;

/**
 * A deployment's global DNS, in us-east-1: one Route 53 health check per routed site (HTTPS on
 * the spec's path against the site's load balancer, or against each address of a dedicated
 * server, combined by a calculated check), a CloudWatch alarm per site check (Route 53 publishes
 * health-check metrics only in us-east-1), the record sets of the Topology's routing — failover,
 * latency, geolocation or simple, aliases to load balancers, A records to dedicated servers,
 * aliases along a failover chain — and one name per site ({@code <site>.<record>}) for evals
 * and operators. Load balancers are found through {@link SiteLoadBalancerLookup}.
 */
final class DnsStack extends Stack {

  /** The construct id CDK gives the singleton Lambda of AwsCustomResource. */
  private static final String AWS_CUSTOM_RESOURCE_PROVIDER = "AWS679f53fac002430cb0da5b7982bd2287";

  private final Map<String, CfnHealthCheck> siteChecks = new LinkedHashMap<>();
  private final Map<String, SiteTarget> targets = new LinkedHashMap<>();

  DnsStack(Construct scope, Topology topology, StackPlan plan) {
    super(scope, plan.name(), MeridianStacks.props(topology, plan));
    Routing routing = topology.routing();
    for (Site site : topology.sites()) {
      if (!routed(routing, site) && !site.isAws()) {
        continue;
      }
      SiteTarget target = target(topology, site);
      targets.put(site.name(), target);
      CfnHealthCheck check = healthCheck(site, target, routing.healthCheck());
      siteChecks.put(site.name(), check);
      alarm(topology, site, check);
      siteRecord(topology, site, target);
    }
    for (RecordSet record : routing.records()) {
      recordSet(topology, record);
    }
    // The Lambda behind every AwsCustomResource of the stack (one singleton, CDK's fixed id).
    Optional.ofNullable(getNode().tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER)).ifPresent(provider ->
        CdkNagChecks.suppress(provider, "AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole only lets the SSM look-up"
            + " function write its own logs; its permissions are the ssm:GetParameter statements on the sites' parameters"));
    topology.deployment().drills().ifPresent(drills -> SiteNames.drilledSite(topology)
        .filter(site -> !site.isAws())
        .ifPresent(site -> dedicatedDrill(topology, site, drills.durationMinutes(), drills.schedule())));
  }

  private static boolean routed(Routing routing, Site site) {
    return routing.records().stream().anyMatch(r -> r.site().equals(site.name()) && !r.isAlias());
  }

  /** Where a site answers: its load balancer (found at deploy time) or its fixed addresses. */
  private SiteTarget target(Topology topology, Site site) {
    if (site.placement() instanceof Placement.Dedicated dedicated) {
      return new SiteTarget(Optional.empty(), dedicated.endpoints());
    }
    return new SiteTarget(Optional.of(new SiteLoadBalancerLookup(this, "LoadBalancer-" + site.name(), topology, site)),
        List.of());
  }

  private CfnHealthCheck healthCheck(Site site, SiteTarget target, HealthCheck spec) {
    if (target.loadBalancer().isPresent()) {
      return CfnHealthCheck.Builder.create(this, "HealthCheck-" + site.name())
          .healthCheckConfig(endpointCheck(spec).fullyQualifiedDomainName(target.loadBalancer().get().dnsName()).build())
          .healthCheckTags(List.of(tag("Name", site.name())))
          .build();
    }
    List<String> children = new ArrayList<>();
    for (int i = 0; i < target.addresses().size(); i++) {
      CfnHealthCheck child = CfnHealthCheck.Builder.create(this, "HealthCheck-" + site.name() + "-" + (i + 1))
          .healthCheckConfig(endpointCheck(spec).ipAddress(target.addresses().get(i)).build())
          .healthCheckTags(List.of(tag("Name", site.name() + " " + target.addresses().get(i))))
          .build();
      children.add(child.getAttrHealthCheckId());
    }
    if (children.size() == 1) {
      return (CfnHealthCheck) getNode().findChild("HealthCheck-" + site.name() + "-1");
    }
    return CfnHealthCheck.Builder.create(this, "HealthCheck-" + site.name())
        .healthCheckConfig(CfnHealthCheck.HealthCheckConfigProperty.builder()
            .type("CALCULATED")
            .childHealthChecks(children)
            .healthThreshold(1)
            .build())
        .healthCheckTags(List.of(tag("Name", site.name())))
        .build();
  }

  private static CfnHealthCheck.HealthCheckConfigProperty.Builder endpointCheck(HealthCheck spec) {
    boolean https = spec.protocol() == HealthCheck.Protocol.HTTPS;
    return CfnHealthCheck.HealthCheckConfigProperty.builder()
        .type(https ? "HTTPS" : "HTTP")
        .port(spec.port())
        .resourcePath(spec.path())
        .requestInterval(spec.intervalSeconds())
        .failureThreshold(spec.failureThreshold())
        .enableSni(https ? true : null);
  }

  private static CfnHealthCheck.HealthCheckTagProperty tag(String key, String value) {
    return CfnHealthCheck.HealthCheckTagProperty.builder().key(key).value(value).build();
  }

  /** Pages when a site's health check fails: the metric exists only in us-east-1, as does this stack. */
  private void alarm(Topology topology, Site site, CfnHealthCheck check) {
    Alarm.Builder.create(this, "HealthAlarm-" + site.name())
        .alarmDescription(topology.name() + ": site " + site.name() + " fails its Route 53 health check")
        .metric(Metric.Builder.create()
            .namespace("AWS/Route53")
            .metricName("HealthCheckStatus")
            .dimensionsMap(Map.of("HealthCheckId", check.getAttrHealthCheckId()))
            .statistic("Minimum")
            .period(Duration.minutes(1))
            .build())
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
        .treatMissingData(TreatMissingData.BREACHING)
        .build();
  }

  /** {@code <site>.<record>}: the site itself, whatever the routing says. */
  private void siteRecord(Topology topology, Site site, SiteTarget target) {
    CfnRecordSet.Builder record = inZone(topology, CfnRecordSet.Builder.create(this, "SiteRecord-" + site.name()))
        .name(SiteNames.host(topology, site.name()) + ".")
        .type("A");
    answer(topology, record, target, false);
    record.build();
  }

  private void recordSet(Topology topology, RecordSet record) {
    CfnRecordSet.Builder builder = inZone(topology, CfnRecordSet.Builder.create(this, "Record-" + record.setIdentifier()
            + (record.name().equals(topology.routing().record()) ? "" : "-" + record.name())))
        .name(record.name() + ".")
        .type("A");
    RoutingRule rule = record.rule();
    if (!(rule instanceof RoutingRule.Simple)) {
      builder.setIdentifier(record.setIdentifier());
    }
    if (rule instanceof RoutingRule.Failover failover) {
      builder.failover(failover.role().name());
    } else if (rule instanceof RoutingRule.Latency latency) {
      builder.region(latency.awsRegion());
    } else if (rule instanceof RoutingRule.Geolocation geo) {
      builder.geoLocation(geoLocation(geo.target()));
    }
    if (record.isAlias()) {
      builder.aliasTarget(CfnRecordSet.AliasTargetProperty.builder()
          .dnsName(record.aliasTarget().get() + ".")
          // Validation requires dns.hostedZoneId for a failover chain: an alias within the zone names it.
          .hostedZoneId(topology.deployment().dns().hostedZoneId().orElseThrow())
          .evaluateTargetHealth(true)
          .build());
    } else {
      if (record.healthChecked()) {
        builder.healthCheckId(siteChecks.get(record.site()).getAttrHealthCheckId());
      }
      answer(topology, builder, targets.get(record.site()), record.healthChecked());
    }
    builder.build();
  }

  /** Alias to the site's load balancer, or the dedicated server's addresses. */
  private static void answer(Topology topology, CfnRecordSet.Builder record, SiteTarget target, boolean healthChecked) {
    if (target.loadBalancer().isPresent()) {
      record.aliasTarget(CfnRecordSet.AliasTargetProperty.builder()
          .dnsName(target.loadBalancer().get().dnsName())
          .hostedZoneId(target.loadBalancer().get().canonicalHostedZoneId())
          .evaluateTargetHealth(!healthChecked)
          .build());
    } else {
      record.ttl(Integer.toString(topology.routing().ttl())).resourceRecords(target.addresses());
    }
  }

  private static CfnRecordSet.GeoLocationProperty geoLocation(GeoTarget target) {
    if (target instanceof GeoTarget.Country country) {
      return CfnRecordSet.GeoLocationProperty.builder().countryCode(country.code()).build();
    }
    if (target instanceof GeoTarget.Continent continent) {
      return CfnRecordSet.GeoLocationProperty.builder().continentCode(continent.code()).build();
    }
    return CfnRecordSet.GeoLocationProperty.builder().countryCode("*").build();
  }

  /** Records go into the zone by id when the spec gives one, else by name. */
  private static CfnRecordSet.Builder inZone(Topology topology, CfnRecordSet.Builder record) {
    Optional<String> id = topology.deployment().dns().hostedZoneId();
    return id.isPresent() ? record.hostedZoneId(id.get()) : record.hostedZoneName(topology.routing().zone() + ".");
  }

  /** A drill that inverts a dedicated site's health check, so DNS fails over while the server keeps running. */
  private void dedicatedDrill(Topology topology, Site site, int minutes, String schedule) {
    List<Alarm> stopConditions = topology.sites().stream()
        .filter(other -> !other.equals(site) && siteChecks.containsKey(other.name()))
        .map(other -> (Alarm) getNode().findChild("HealthAlarm-" + other.name()))
        .toList();
    FailoverDrill drill = FailoverDrill.Builder.create(this, "Drill")
        .target(DrillTarget.invertedHealthCheck(siteChecks.get(site.name()).getAttrHealthCheckId()))
        .stopConditions(stopConditions)
        .durationMinutes(minutes)
        .schedule(schedule)
        .build();
    NagExceptions.drill(drill);
  }

  /** How DNS reaches one site. */
  private record SiteTarget(Optional<SiteLoadBalancerLookup> loadBalancer, List<String> addresses) {}
}
