package dev.meridian.constructs.aws;

import dev.meridian.constructs.dns.DnsFailoverProps;
import dev.meridian.constructs.dns.DnsFailoverPropsBuilder;
import dev.meridian.constructs.dns.DnsRecord;
import dev.meridian.constructs.dns.DnsSite;
import dev.meridian.constructs.dns.DnsTarget;
import dev.meridian.constructs.dns.HealthCheckSettings;
import dev.meridian.constructs.dns.RoutingPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.route53.CfnHealthCheck;
import software.amazon.awscdk.services.route53.CfnRecordSet;
import software.constructs.Construct;

/**
 * DNS that follows the health of a deployment's sites, in Route 53: per site a health check (a
 * load balancer's DNS name, with SNI for HTTPS; a {@link DedicatedEndpoint} for fixed addresses)
 * and a CloudWatch alarm on it, and optionally a host name answering with that site alone; then
 * the record sets — failover (PRIMARY/SECONDARY), latency, geolocation (country, continent,
 * default) or simple — each an alias to its site's load balancer, A records with the site's
 * addresses, or an alias to another name of the zone (a failover chain). A record carrying the
 * site's health check does not also evaluate the load balancer's target health (the check
 * already covers it); one without does. Route 53 publishes health-check metrics in us-east-1
 * only, so put this construct in a us-east-1 stack for its alarms to see them.
 *
 * <p>Props — required: {@code name} (the alarms are named {@code <name>-<site>-unhealthy}, e.g. the deployment);
 * {@code zoneId} or {@code zoneName}; ≥ 1 {@code site}. Optional: {@code records} none;
 * {@code healthCheck} {@link HealthCheckSettings#defaults()}; {@code ttl} 60 s (address records).
 * Validation (in {@link DnsFailoverProps}): records name known sites, aliases known names (and
 * need {@code zoneId}), one policy per name, one PRIMARY and one SECONDARY at most.
 */
public final class DnsFailover extends Construct {

  private final Map<String, String> healthCheckIds = new LinkedHashMap<>();
  private final Map<String, Alarm> alarms = new LinkedHashMap<>();
  private final DnsFailoverProps props;

  private DnsFailover(Construct scope, String id, Builder builder) {
    super(scope, id);
    this.props = builder.props();
    for (DnsSite site : props.sites()) {
      String checkId = healthCheck(site);
      healthCheckIds.put(site.name(), checkId);
      alarms.put(site.name(), alarm(site, checkId));
      site.hostName().ifPresent(host -> {
        CfnRecordSet.Builder record = inZone(CfnRecordSet.Builder.create(this, "SiteRecord-" + site.name()))
            .name(host + ".")
            .type("A");
        answer(record, site.target(), false);
        record.build();
      });
    }
    for (DnsRecord record : props.records()) {
      recordSet(record);
    }
  }

  /** The id of a site's health check (a token). */
  public String getHealthCheckId(String site) {
    return Optional.ofNullable(healthCheckIds.get(site))
        .orElseThrow(() -> new IllegalArgumentException("no site named " + site + "; sites: " + healthCheckIds.keySet()));
  }

  /** The alarm on a site's health check: in alarm while Route 53 sees the site unhealthy. */
  public Alarm getAlarm(String site) {
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
    return CfnHealthCheck.Builder.create(this, "HealthCheck-" + site.name())
        .healthCheckConfig(Route53Checks.endpoint(props.healthCheck()).fullyQualifiedDomainName(loadBalancer.dnsName()).build())
        .healthCheckTags(List.of(Route53Checks.nameTag(site.name())))
        .build()
        .getAttrHealthCheckId();
  }

  private Alarm alarm(DnsSite site, String checkId) {
    return Alarm.Builder.create(this, "HealthAlarm-" + site.name())
        .alarmName(props.alarmName(site.name()))
        .alarmDescription(props.name() + ": site " + site.name() + " fails its Route 53 health check")
        .metric(Metric.Builder.create()
            .namespace("AWS/Route53")
            .metricName("HealthCheckStatus")
            .dimensionsMap(Map.of("HealthCheckId", checkId))
            .statistic("Minimum")
            .period(Duration.minutes(1))
            .build())
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
        .treatMissingData(TreatMissingData.BREACHING)
        .build();
  }

  private void recordSet(DnsRecord record) {
    CfnRecordSet.Builder builder = inZone(CfnRecordSet.Builder.create(this, "Record-" + record.resourceName()))
        .name(record.name() + ".")
        .type("A")
        .setIdentifier(record.setIdentifier().orElse(null));
    RoutingPolicy policy = record.policy();
    if (policy instanceof RoutingPolicy.Failover failover) {
      builder.failover(failover.role().name());
    } else if (policy instanceof RoutingPolicy.Latency latency) {
      builder.region(latency.awsRegion());
    } else if (policy instanceof RoutingPolicy.Country country) {
      builder.geoLocation(CfnRecordSet.GeoLocationProperty.builder().countryCode(country.code()).build());
    } else if (policy instanceof RoutingPolicy.Continent continent) {
      builder.geoLocation(CfnRecordSet.GeoLocationProperty.builder().continentCode(continent.code()).build());
    } else if (policy instanceof RoutingPolicy.AnyLocation) {
      builder.geoLocation(CfnRecordSet.GeoLocationProperty.builder().countryCode("*").build());
    }
    if (record.aliasOf().isPresent()) {
      builder.aliasTarget(CfnRecordSet.AliasTargetProperty.builder()
          .dnsName(record.aliasOf().get() + ".")
          .hostedZoneId(props.zoneId().orElseThrow())
          .evaluateTargetHealth(true)
          .build());
    } else {
      String site = record.site().orElseThrow();
      if (record.healthChecked()) {
        builder.healthCheckId(healthCheckIds.get(site));
      }
      answer(builder, props.site(site).target(), record.healthChecked());
    }
    builder.build();
  }

  /** Alias to the load balancer, or the addresses with the TTL. */
  private void answer(CfnRecordSet.Builder record, DnsTarget target, boolean healthChecked) {
    if (target instanceof DnsTarget.LoadBalancer loadBalancer) {
      record.aliasTarget(CfnRecordSet.AliasTargetProperty.builder()
          .dnsName(loadBalancer.dnsName())
          .hostedZoneId(loadBalancer.canonicalHostedZoneId())
          .evaluateTargetHealth(!healthChecked)
          .build());
    } else {
      record.ttl(Integer.toString(props.ttl())).resourceRecords(((DnsTarget.Addresses) target).addresses());
    }
  }

  /** Records go into the zone by id when given, else by name. */
  private CfnRecordSet.Builder inZone(CfnRecordSet.Builder record) {
    return props.zoneId().isPresent()
        ? record.hostedZoneId(props.zoneId().get())
        : record.hostedZoneName(props.zoneName().orElseThrow() + ".");
  }

  /** Builds a {@link DnsFailover}; the props setters are {@link DnsFailoverPropsBuilder}'s, plus {@code zoneName}. */
  public static final class Builder extends DnsFailoverPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private String zoneName;

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

    /** The hosted zone's name, e.g. {@code example.com}, used when no {@code zoneId} is given. */
    public Builder zoneName(String zoneName) {
      this.zoneName = zoneName;
      return this;
    }

    /** Creates the checks, alarms and records. */
    public DnsFailover build() {
      return new DnsFailover(scope, id, this);
    }

    private DnsFailoverProps props() {
      return props(zoneName);
    }
  }
}
