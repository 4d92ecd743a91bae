package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.route53_health_check.Route53HealthCheck;
import com.hashicorp.cdktf.providers.aws.route53_health_check.Route53HealthCheckConfig;
import dev.meridian.constructs.dns.DedicatedEndpointProps;
import dev.meridian.constructs.dns.DedicatedEndpointPropsBuilder;
import dev.meridian.constructs.dns.DnsTarget;
import dev.meridian.constructs.dns.HealthCheckSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A server the deployment does not provision, as Route 53 sees it, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.DedicatedEndpoint}. One {@code aws_route53_health_check}
 * per address and, when there are several, a calculated one healthy while at least
 * {@code healthyAddresses} of them are.
 *
 * <p>Props — required: {@code name} (tags the checks), {@code addresses} (IPv4, ≥ 1). Optional:
 * {@code healthCheck} {@link HealthCheckSettings#defaults()}; {@code healthyAddresses} 1.
 */
public final class DedicatedEndpoint extends Construct {

  private final DnsTarget.Addresses target;
  private final Route53HealthCheck healthCheck;

  private DedicatedEndpoint(Construct scope, String id, Builder builder) {
    super(scope, id);
    DedicatedEndpointProps props = builder.props();
    this.target = props.target();
    List<String> addresses = target.addresses();
    List<Route53HealthCheck> perAddress = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      perAddress.add(new Route53HealthCheck(this, "HealthCheck-" + (i + 1), Route53Checks.endpoint(props.healthCheck())
          .ipAddress(addresses.get(i))
          .tags(Map.of("Name", props.name() + " " + addresses.get(i)))
          .build()));
    }
    this.healthCheck = perAddress.size() == 1 ? perAddress.get(0) : new Route53HealthCheck(this, "HealthCheck",
        Route53HealthCheckConfig.builder()
            .type("CALCULATED")
            .childHealthchecks(perAddress.stream().map(Route53HealthCheck::getId).toList())
            .childHealthThreshold(props.healthyAddresses())
            .tags(Map.of("Name", props.name()))
            .build());
  }

  /** The check records answering with this server carry: of its only address, or the calculated one. */
  public String getHealthCheckId() {
    return healthCheck.getId();
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
