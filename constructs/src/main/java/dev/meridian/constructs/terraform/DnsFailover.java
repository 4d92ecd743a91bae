package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmConfig;
import com.hashicorp.cdktf.providers.aws.route53_health_check.Route53HealthCheck;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordAlias;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordConfig;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordFailoverRoutingPolicy;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordGeolocationRoutingPolicy;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordLatencyRoutingPolicy;
import dev.meridian.constructs.dns.DnsFailoverProps;
import dev.meridian.constructs.dns.DnsFailoverPropsBuilder;
import dev.meridian.constructs.dns.DnsRecord;
import dev.meridian.constructs.dns.DnsSite;
import dev.meridian.constructs.dns.DnsTarget;
import dev.meridian.constructs.dns.HealthCheckSettings;
import dev.meridian.constructs.dns.RoutingPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * DNS that follows the health of a deployment's sites, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.DnsFailover}. Per site an {@code aws_route53_health_check}
 * (a load balancer's DNS name, or a {@link DedicatedEndpoint} for fixed addresses), an
 * {@code aws_cloudwatch_metric_alarm} named {@code <name>-<site>-unhealthy} on it and optionally
 * a host name answering with that site alone; then one {@code aws_route53_record} per record set
 * with its routing policy. Put it in a stack whose provider is in us-east-1, where Route 53
 * publishes health-check metrics.
 *
 * <p>Props — required: {@code name} (begins the alarm names, e.g. the deployment), {@code zoneId}
 * (Terraform records need the id; look a zone up by name with {@code data.aws_route53_zone}),
 * ≥ 1 {@code site}. Optional: {@code records} none; {@code healthCheck}
 * {@link HealthCheckSettings#defaults()}; {@code ttl} 60 s (address records). Same validation as
 * the CDK twin ({@link DnsFailoverProps}).
 */
public final class DnsFailover extends Construct {

  private final Map<String, String> healthCheckIds = new LinkedHashMap<>();
  private final Map<String, CloudwatchMetricAlarm> alarms = new LinkedHashMap<>();
  private final DnsFailoverProps props;
  private final String zoneId;

  private DnsFailover(Construct scope, String id, Builder builder) {
    super(scope, id);
    this.props = builder.props();
    this.zoneId = props.zoneId().orElseThrow();
    for (DnsSite site : props.sites()) {
      String checkId = healthCheck(site);
      healthCheckIds.put(site.name(), checkId);
      alarms.put(site.name(), alarm(site, checkId));
      site.hostName().ifPresent(host -> {
        Route53RecordConfig.Builder record = Route53RecordConfig.builder().zoneId(zoneId).name(host).type("A");
        answer(record, site.target(), false);
        new Route53Record(this, "SiteRecord-" + site.name(), record.build());
      });
    }
    for (DnsRecord record : props.records()) {
      recordSet(record);
    }
  }

  /** The id of a site's health check (a reference). */
  public String getHealthCheckId(String site) {
    return Optional.ofNullable(healthCheckIds.get(site))
        .orElseThrow(() -> new IllegalArgumentException("no site named " + site + "; sites: " + healthCheckIds.keySet()));
  }

  /** The alarm on a site's health check: in alarm while Route 53 sees the site unhealthy. */
  public CloudwatchMetricAlarm getAlarm(String site) {
    getHealthCheckId(site);
    return alarms.get(site);
  }

  private String healthCheck(DnsSite site) {
    if (site.target() instanceof DnsTarget.Addresses addresses) {
      return DedicatedEndpoint.Builder.create(this, "Endpoint-" + site.name())
          .name(site.name())
          .addresses(addresses.addresses())
          .healthCheck(props.healthCheck())
          .build()
          .getHealthCheckId();
    }
    DnsTarget.LoadBalancer loadBalancer = (DnsTarget.LoadBalancer) site.target();
    return new Route53HealthCheck(this, "HealthCheck-" + site.name(), Route53Checks.endpoint(props.healthCheck())
        .fqdn(loadBalancer.dnsName())
        .tags(Map.of("Name", site.name()))
        .build())
        .getId();
  }

  private CloudwatchMetricAlarm alarm(DnsSite site, String checkId) {
    return new CloudwatchMetricAlarm(this, "HealthAlarm-" + site.name(), CloudwatchMetricAlarmConfig.builder()
        .alarmName(props.alarmName(site.name()))
        .alarmDescription(props.name() + ": site " + site.name() + " fails its Route 53 health check")
        .namespace("AWS/Route53")
        .metricName("HealthCheckStatus")
        .dimensions(Map.of("HealthCheckId", checkId))
        .statistic("Minimum")
        .period(60)
        .evaluationPeriods(1)
        .threshold(1)
        .comparisonOperator("LessThanThreshold")
        .treatMissingData("breaching")
        .build());
  }

  private void recordSet(DnsRecord record) {
    Route53RecordConfig.Builder builder = Route53RecordConfig.builder()
        .zoneId(zoneId)
        .name(record.name())
        .type("A")
        .setIdentifier(record.setIdentifier().orElse(null));
    RoutingPolicy policy = record.policy();
    if (policy instanceof RoutingPolicy.Failover failover) {
      builder.failoverRoutingPolicy(Route53RecordFailoverRoutingPolicy.builder().type(failover.role().name()).build());
    } else if (policy instanceof RoutingPolicy.Latency latency) {
      builder.latencyRoutingPolicy(Route53RecordLatencyRoutingPolicy.builder().region(latency.awsRegion()).build());
    } else if (policy instanceof RoutingPolicy.Country country) {
      builder.geolocationRoutingPolicy(Route53RecordGeolocationRoutingPolicy.builder().country(country.code()).build());
    } else if (policy instanceof RoutingPolicy.Continent continent) {
      builder.geolocationRoutingPolicy(Route53RecordGeolocationRoutingPolicy.builder().continent(continent.code()).build());
    } else if (policy instanceof RoutingPolicy.AnyLocation) {
      builder.geolocationRoutingPolicy(Route53RecordGeolocationRoutingPolicy.builder().country("*").build());
    }
    if (record.aliasOf().isPresent()) {
      builder.alias(Route53RecordAlias.builder().name(record.aliasOf().get()).zoneId(zoneId).evaluateTargetHealth(true).build());
    } else {
      String site = record.site().orElseThrow();
      if (record.healthChecked()) {
        builder.healthCheckId(healthCheckIds.get(site));
      }
      answer(builder, props.site(site).target(), record.healthChecked());
    }
    new Route53Record(this, "Record-" + record.resourceName(), builder.build());
  }

  /** Alias to the load balancer, or the addresses with the TTL. */
  private void answer(Route53RecordConfig.Builder record, DnsTarget target, boolean healthChecked) {
    if (target instanceof DnsTarget.LoadBalancer loadBalancer) {
      record.alias(Route53RecordAlias.builder()
          .name(loadBalancer.dnsName())
          .zoneId(loadBalancer.canonicalHostedZoneId())
          .evaluateTargetHealth(!healthChecked)
          .build());
    } else {
      record.ttl(props.ttl()).records(((DnsTarget.Addresses) target).addresses());
    }
  }

  /** Builds a {@link DnsFailover}; the props setters are {@link DnsFailoverPropsBuilder}'s. */
  public static final class Builder extends DnsFailoverPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a builder. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Creates the checks, alarms and records. */
    public DnsFailover build() {
      return new DnsFailover(scope, id, this);
    }

    private DnsFailoverProps props() {
      return props(null);
    }
  }
}
