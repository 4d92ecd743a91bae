package dev.meridian.stacks.terraform;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameter;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameterConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.route53_health_check.Route53HealthCheck;
import com.hashicorp.cdktf.providers.aws.route53_health_check.Route53HealthCheckConfig;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordAlias;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordConfig;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordFailoverRoutingPolicy;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordGeolocationRoutingPolicy;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordLatencyRoutingPolicy;
import dev.meridian.blueprints.plan.GeoTarget;
import dev.meridian.blueprints.plan.Placement;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingRule;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.blueprints.spec.HealthCheck;
import dev.meridian.stacks.ResourceNames;
import dev.meridian.stacks.SiteNames;
import dev.meridian.stacks.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The global DNS stack of a deployment (us-east-1, where Route 53 health-check metrics live), with
 * its own state: per site a health check (AWS sites at their load balancer; dedicated servers at
 * each address, combined when there are several), an alarm on it and the site's own name
 * {@code <site>.<record>}; per record set of the Topology one Route 53 record with its routing
 * policy (alias records for the links of a failover chain). The load balancers are found through the SSM parameters each site stack publishes in its
 * own region, read through one aliased provider per region: a weak hand-off that leaves the site
 * stacks free to replace their load balancers.
 */
final class DnsStack extends TerraformStack {

  private final Map<String, Route53HealthCheck> healthChecks = new LinkedHashMap<>();

  DnsStack(Construct scope, Topology topology, StackPlan plan, TerraformBackend backend, int levelsToStateBase) {
    super(scope, plan.name());
    StackBase.prepare(this, topology, plan, backend, levelsToStateBase);
    String zoneId = HostedZones.id(this, topology.deployment().dns());
    HealthCheck check = topology.routing().healthCheck();

    Map<String, AwsProvider> regionProviders = new LinkedHashMap<>();
    Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
    for (Site site : topology.sites()) {
      if (!routed(topology, site) && !site.isAws()) {
        continue;
      }
      if (site.placement() instanceof Placement.Aws aws) {
        AwsProvider provider = regionProviders.computeIfAbsent(aws.region(),
            region -> StackBase.provider(this, "aws-" + region, region, region, plan));
        loadBalancers.put(site.name(), new LoadBalancer(
            read(topology, site, SiteStack.LB_DNS_NAME, "DnsName", provider),
            read(topology, site, SiteStack.LB_ZONE_ID, "ZoneId", provider)));
      }
      healthChecks.put(site.name(), healthCheck(topology, site, check, loadBalancers.get(site.name())));
      Route53RecordConfig.Builder host = Route53RecordConfig.builder()
          .zoneId(zoneId)
          .name(SiteNames.host(topology, site.name()))
          .type("A");
      answer(topology, host, site, loadBalancers.get(site.name()), false);
      new Route53Record(this, site.name() + "-Host", host.build());
    }

    for (RecordSet set : topology.routing().records()) {
      Site site = topology.site(set.site()).orElseThrow(() -> new IllegalArgumentException(
          "routing.records: " + set.setIdentifier() + " names site '" + set.site() + "', which the Topology lacks"));
      Route53RecordConfig.Builder record = Route53RecordConfig.builder()
          .zoneId(zoneId)
          .name(set.name())
          .type("A");
      routing(record, set);
      if (set.isAlias()) {
        record.alias(Route53RecordAlias.builder().name(set.aliasTarget().get()).zoneId(zoneId).evaluateTargetHealth(true).build());
      } else {
        if (set.healthChecked()) {
          record.healthCheckId(healthChecks.get(site.name()).getId());
        }
        answer(topology, record, site, loadBalancers.get(site.name()), set.healthChecked());
      }
      String id = "Record-" + set.setIdentifier() + (set.name().equals(topology.routing().record()) ? "" : "-" + set.name());
      new Route53Record(this, id, record.build());
    }
    StackBase.tagAll(this, StackBase.placementTags(topology, plan));
  }

  private static boolean routed(Topology topology, Site site) {
    return topology.routing().records().stream().anyMatch(r -> r.site().equals(site.name()) && !r.isAlias());
  }

  /** Alias to the site's load balancer (found at plan time), or the dedicated server's addresses. */
  private static void answer(Topology topology, Route53RecordConfig.Builder record, Site site, LoadBalancer lb,
      boolean healthChecked) {
    if (site.placement() instanceof Placement.Dedicated dedicated) {
      record.ttl(topology.routing().ttl()).records(dedicated.endpoints());
    } else {
      record.alias(Route53RecordAlias.builder().name(lb.dnsName()).zoneId(lb.zoneId())
          .evaluateTargetHealth(!healthChecked).build());
    }
  }

  private static void routing(Route53RecordConfig.Builder record, RecordSet set) {
    if (set.rule() instanceof RoutingRule.Failover failover) {
      record.setIdentifier(set.setIdentifier())
          .failoverRoutingPolicy(Route53RecordFailoverRoutingPolicy.builder().type(failover.role().name()).build());
    } else if (set.rule() instanceof RoutingRule.Latency latency) {
      record.setIdentifier(set.setIdentifier())
          .latencyRoutingPolicy(Route53RecordLatencyRoutingPolicy.builder().region(latency.awsRegion()).build());
    } else if (set.rule() instanceof RoutingRule.Geolocation geo) {
      record.setIdentifier(set.setIdentifier()).geolocationRoutingPolicy(geolocation(geo.target()));
    }
  }

  private static Route53RecordGeolocationRoutingPolicy geolocation(GeoTarget target) {
    if (target instanceof GeoTarget.Country country) {
      return Route53RecordGeolocationRoutingPolicy.builder().country(country.code()).build();
    }
    if (target instanceof GeoTarget.Continent continent) {
      return Route53RecordGeolocationRoutingPolicy.builder().continent(continent.code()).build();
    }
    return Route53RecordGeolocationRoutingPolicy.builder().country("*").build();
  }

  /** The site's health check, with an alarm on its status. */
  private Route53HealthCheck healthCheck(Topology topology, Site site, HealthCheck check, LoadBalancer lb) {
    Route53HealthCheck created = site.placement() instanceof Placement.Dedicated dedicated
        ? dedicatedCheck(site, dedicated, check)
        : new Route53HealthCheck(this, site.name() + "-Health", endpointCheck(check)
            .fqdn(lb.dnsName())
            .tags(Map.of("Name", site.name()))
            .build());
    new CloudwatchMetricAlarm(this, site.name() + "-HealthAlarm", CloudwatchMetricAlarmConfig.builder()
        .alarmName(topology.name() + "-" + site.name() + "-unhealthy")
        .alarmDescription("Route 53 health check of site " + site.name() + " reports unhealthy")
        .namespace("AWS/Route53")
        .metricName("HealthCheckStatus")
        .dimensions(Map.of("HealthCheckId", created.getId()))
        .statistic("Minimum")
        .period(60)
        .evaluationPeriods(1)
        .threshold(1)
        .comparisonOperator("LessThanThreshold")
        .treatMissingData("breaching")
        .build());
    return created;
  }

  private Route53HealthCheck dedicatedCheck(Site site, Placement.Dedicated dedicated, HealthCheck check) {
    List<String> endpoints = dedicated.endpoints();
    List<Route53HealthCheck> perAddress = new ArrayList<>();
    for (int i = 0; i < endpoints.size(); i++) {
      String id = site.name() + "-Health" + (endpoints.size() == 1 ? "" : "-" + (i + 1));
      perAddress.add(new Route53HealthCheck(this, id, endpointCheck(check).ipAddress(endpoints.get(i))
          .tags(Map.of("Name", site.name() + " " + endpoints.get(i))).build()));
    }
    if (perAddress.size() == 1) {
      return perAddress.get(0);
    }
    return new Route53HealthCheck(this, site.name() + "-Health", Route53HealthCheckConfig.builder()
        .type("CALCULATED")
        .childHealthchecks(perAddress.stream().map(Route53HealthCheck::getId).toList())
        .childHealthThreshold(1)
        .tags(Map.of("Name", site.name()))
        .build());
  }

  private static Route53HealthCheckConfig.Builder endpointCheck(HealthCheck check) {
    return Route53HealthCheckConfig.builder()
        .type(check.protocol().name())
        .port(check.port())
        .resourcePath(check.path())
        .requestInterval(check.intervalSeconds())
        .failureThreshold(check.failureThreshold())
        .enableSni(check.protocol() == HealthCheck.Protocol.HTTPS ? true : null);
  }

  private DataAwsSsmParameter read(Topology topology, Site site, String parameter, String what, AwsProvider provider) {
    return new DataAwsSsmParameter(this, site.name() + "-LoadBalancer" + what, DataAwsSsmParameterConfig.builder()
        .name(ResourceNames.siteParameter(topology, site.name(), parameter))
        .provider(provider)
        .build());
  }

  /** A site's load balancer as the DNS stack reads it. */
  private record LoadBalancer(DataAwsSsmParameter dnsNameParameter, DataAwsSsmParameter zoneIdParameter) {
    String dnsName() {
      return dnsNameParameter.getValue();
    }

    String zoneId() {
      return zoneIdParameter.getValue();
    }
  }
}
