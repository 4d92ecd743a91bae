package dev.meridian.constructs.config;

/**
 * The props setters, defaults and checks both engines' {@code RegionNetwork.Builder}s share (every
 * prop of the network is one of them); each engine adds {@code create} and {@code build}.
 * {@code B} is the engine's builder, returned by every setter. Defaults: {@code availabilityZones}
 * 2; {@code natGateways} 1; {@code cidr} {@code 10.0.0.0/16}; {@code interfaceEndpoints} true;
 * {@code flowLogRetentionDays} 30.
 */
public abstract class RegionNetworkPropsBuilder<B extends RegionNetworkPropsBuilder<B>> {

  private int availabilityZones = 2;
  private int natGateways = 1;
  private String cidr = "10.0.0.0/16";
  private boolean interfaceEndpoints = true;
  private int flowLogRetentionDays = 30;

  /** This builder, as its engine's type. */
  protected abstract B self();

  /** Availability zones the VPC spans, 2 or 3. @default 2 */
  public B availabilityZones(int count) {
    this.availabilityZones = count;
    return self();
  }

  /** NAT gateways, 1 to availabilityZones. @default 1 (cheapest; one per zone survives a zone outage) */
  public B natGateways(int count) {
    this.natGateways = count;
    return self();
  }

  /** The VPC's IPv4 range, a /16; give each region its own to allow peering later. @default 10.0.0.0/16 */
  public B cidr(String cidr) {
    this.cidr = cidr;
    return self();
  }

  /** Whether to create the interface endpoints (SSM, SSM Messages, EC2 Messages, Logs, Secrets Manager). @default true */
  public B interfaceEndpoints(boolean enabled) {
    this.interfaceEndpoints = enabled;
    return self();
  }

  /** Days flow logs are kept; a CloudWatch Logs retention. @default 30 */
  public B flowLogRetentionDays(int days) {
    this.flowLogRetentionDays = days;
    return self();
  }

  /** The props set so far, checked: zones 2–3, NAT gateways 1–zones, a supported flow log retention. */
  public RegionNetworkProps props() {
    if (availabilityZones < 2 || availabilityZones > 3) {
      throw new IllegalArgumentException("availabilityZones: " + availabilityZones + " is not supported; use 2 or 3");
    }
    if (natGateways < 1 || natGateways > availabilityZones) {
      throw new IllegalArgumentException("natGateways: " + natGateways + " must be between 1 and availabilityZones ("
          + availabilityZones + ")");
    }
    LogRetention.requireSupported("flowLogRetentionDays", flowLogRetentionDays);
    return new RegionNetworkProps(availabilityZones, natGateways, cidr, interfaceEndpoints, flowLogRetentionDays);
  }
}
