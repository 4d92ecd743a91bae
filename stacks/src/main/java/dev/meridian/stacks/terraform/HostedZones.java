package dev.meridian.stacks.terraform;

import com.hashicorp.cdktf.providers.aws.data_aws_route53_zone.DataAwsRoute53Zone;
import com.hashicorp.cdktf.providers.aws.data_aws_route53_zone.DataAwsRoute53ZoneConfig;
import dev.meridian.blueprints.spec.Dns;
import software.constructs.Construct;

/** The deployment's hosted zone id: the spec's {@code dns.hostedZoneId}, else looked up by name when Terraform plans. */
final class HostedZones {

  private HostedZones() {}

  static String id(Construct scope, Dns dns) {
    return dns.hostedZoneId().orElseGet(() -> new DataAwsRoute53Zone(scope, "Zone",
        DataAwsRoute53ZoneConfig.builder().name(dns.zone()).privateZone(false).build()).getZoneId());
  }
}
