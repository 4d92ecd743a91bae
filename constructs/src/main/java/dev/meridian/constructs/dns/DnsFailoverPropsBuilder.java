package dev.meridian.constructs.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The props setters both engines' {@code DnsFailover.Builder}s share; each engine adds
 * {@code create}, {@code build} and what only it supports (CloudFormation's {@code zoneName}).
 * {@code B} is the engine's builder, returned by every setter.
 */
public abstract class DnsFailoverPropsBuilder<B extends DnsFailoverPropsBuilder<B>> {

  private String name;
  private String zoneId;
  private int ttl = DnsFailoverProps.DEFAULT_TTL;
  private HealthCheckSettings healthCheck = HealthCheckSettings.defaults();
  private final List<DnsSite> sites = new ArrayList<>();
  private final List<DnsRecord> records = new ArrayList<>();

  /** This builder, as its engine's type. */
  protected abstract B self();

  /** What the alarms are named after, e.g. the deployment. */
  public B name(String name) {
    this.name = name;
    return self();
  }

  /** The hosted zone's id (a literal or an engine token); aliases to other names of the zone need it. */
  public B zoneId(String zoneId) {
    this.zoneId = zoneId;
    return self();
  }

  /** TTL in seconds of records answering with addresses; default 60. */
  public B ttl(int ttl) {
    this.ttl = ttl;
    return self();
  }

  /** The check of every site; default {@link HealthCheckSettings#defaults()}. */
  public B healthCheck(HealthCheckSettings healthCheck) {
    this.healthCheck = healthCheck;
    return self();
  }

  /** Adds a site. */
  public B site(String siteName, DnsTarget target) {
    sites.add(new DnsSite(siteName, target, Optional.empty()));
    return self();
  }

  /** Adds a site with its own host name, answering with the site alone. */
  public B site(String siteName, DnsTarget target, String hostName) {
    sites.add(new DnsSite(siteName, target, Optional.of(hostName)));
    return self();
  }

  /** Adds record sets. */
  public B records(List<DnsRecord> records) {
    this.records.addAll(records);
    return self();
  }

  /** The props set so far, checked; {@code zoneName} where the engine takes one, else null. */
  protected DnsFailoverProps props(String zoneName) {
    if (healthCheck == null) {
      throw new IllegalArgumentException("healthCheck: null; leave it unset for the defaults");
    }
    return new DnsFailoverProps(name, Optional.ofNullable(zoneId).filter(id -> !id.isBlank()), Optional.ofNullable(zoneName),
        ttl, healthCheck, sites, records);
  }
}
