package dev.meridian.constructs.config;

/**
 * The props both engines' {@code RegionNetwork}s share, checked by
 * {@link RegionNetworkPropsBuilder#props()}: how many zones and NAT gateways the VPC has, its
 * range, whether interface endpoints are created and how long flow logs are kept.
 *
 * @param availabilityZones    zones the VPC spans, 2 or 3
 * @param natGateways          NAT gateways, 1 to {@code availabilityZones}
 * @param cidr                 the VPC's IPv4 range
 * @param interfaceEndpoints   whether the interface endpoints are created
 * @param flowLogRetentionDays days flow logs are kept, a CloudWatch Logs retention
 */
public record RegionNetworkProps(
    int availabilityZones,
    int natGateways,
    String cidr,
    boolean interfaceEndpoints,
    int flowLogRetentionDays) {
}
