package dev.meridian.constructs.aws;

import dev.meridian.constructs.dns.DedicatedEndpointProps;
import dev.meridian.constructs.dns.DedicatedEndpointPropsBuilder;
import dev.meridian.constructs.dns.DnsTarget;
import dev.meridian.constructs.dns.HealthCheckSettings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.route53.CfnHealthCheck;
import software.constructs.Construct;

/**
 * A server the deployment does not provision — a dedicated GPU host or a colocation rack — as
 * Route 53 sees it: one health check per address (the request of the {@link HealthCheckSettings},
 * sent to the IP) and, when there are several, a calculated check that is healthy while at
 * least {@code healthyAddresses} of them are. Its {@link #getHealthCheckId()} goes on the records
 * that answer with {@link #getTarget()} ({@link DnsFailover} does that for a site whose target
 * is {@link DnsTarget.Addresses}).
 *
 * <p>Props — required: {@code name} (tags the checks), {@code addresses} (IPv4, ≥ 1). Optional:
 * {@code healthCheck} {@link HealthCheckSettings#defaults()}; {@code healthyAddresses} 1.
 */
public final class DedicatedEndpoint extends Construct {

  private final DnsTarget.Addresses target;
  private final CfnHealthCheck healthCheck;

  private DedicatedEndpoint(Construct scope, String id, Builder builder) {
    super(scope, id);
    DedicatedEndpointProps props = builder.props();
    this.target = props.target();
    List<String> addresses = target.addresses();
    List<CfnHealthCheck> perAddress = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      perAddress.add(CfnHealthCheck.Builder.create(this, "HealthCheck-" + (i + 1))
          .healthCheckConfig(Route53Checks.endpoint(props.healthCheck()).ipAddress(addresses.get(i)).build())
          .healthCheckTags(List.of(Route53Checks.nameTag(props.name() + " " + addresses.get(i))))
          .build());
    }
    this.healthCheck = perAddress.size() == 1 ? perAddress.get(0) : CfnHealthCheck.Builder.create(this, "HealthCheck")
        .healthCheckConfig(CfnHealthCheck.HealthCheckConfigProperty.builder()
            .type("CALCULATED")
            .childHealthChecks(perAddress.stream().map(CfnHealthCheck::getAttrHealthCheckId).toList())
            .healthThreshold(props.healthyAddresses())
            .build())
        .healthCheckTags(List.of(Route53Checks.nameTag(props.name())))
        .build();
  }

  /** The check records answering with this server carry: of its only address, or the calculated one. */
  public String getHealthCheckId() {
    return healthCheck.getAttrHealthCheckId();
  }

  /** The server's addresses, as a DNS target. */
  public DnsTarget.Addresses getTarget() {
    return target;
  }

  /** Builds a {@link DedicatedEndpoint}; the props setters are {@link DedicatedEndpointPropsBuilder}'s. */
  public static final class Builder extends DedicatedEndpointPropsBuilder<Builder> {
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

    /** Creates the health checks. */
    public DedicatedEndpoint build() {
      return new DedicatedEndpoint(scope, id, this);
    }
  }
}
