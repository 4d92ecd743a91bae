package dev.meridian.constructs.config;

import software.amazon.awscdk.regioninfo.RegionInfo;

/**
 * Who writes an Application Load Balancer's access logs into its bucket in a region: the
 * region's Elastic Load Balancing account in regions opened before August 2022, the log delivery
 * service principal in later ones. Read from aws-cdk-lib's region facts, the table the CDK's
 * {@code ApplicationLoadBalancer.logAccessLogs} reads, so both engines grant the same writer.
 */
public final class ElbLogDelivery {

  /** The service principal writing access logs in regions without an ELB account. */
  public static final String SERVICE_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

  private ElbLogDelivery() {}

  /** Whether {@code region} has its own ELB account (the writer); otherwise {@link #SERVICE_PRINCIPAL} writes. */
  public static boolean hasRegionalAccount(String region) {
    return RegionInfo.get(RegionCode.require("region", region)).getElbv2Account() != null;
  }
}
