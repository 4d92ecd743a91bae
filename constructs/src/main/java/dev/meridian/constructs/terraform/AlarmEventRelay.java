package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.cloudwatch_event_rule.CloudwatchEventRule;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_rule.CloudwatchEventRuleConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_target.CloudwatchEventTarget;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_target.CloudwatchEventTargetConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.StandbyActivationPlan;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * Relays one CloudWatch alarm's entry into ALARM from this region to another region's default
 * event bus, in Terraform: the twin of {@link dev.meridian.constructs.aws.AlarmEventRelay}. A
 * rule, a target on the destination bus, and the role EventBridge uses to put the event there.
 *
 * <p>Props — required: {@code alarmName}, {@code destinationRegion}, {@code region} (the stack's,
 * another one). Optional: {@code name} the construct id (names the rule and the role
 * {@code <name>-relay}; unique in the account and region).
 */
public final class AlarmEventRelay extends Construct {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,58}");

  private final CloudwatchEventRule rule;

  private AlarmEventRelay(Construct scope, String id, Builder props) {
    super(scope, id);
    String name = props.name != null ? props.name : id;
    props.validate(name);
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    String destination = "arn:aws:events:" + props.destinationRegion + ":" + account + ":event-bus/default";
    IamRole role = new IamRole(this, "Role", IamRoleConfig.builder()
        .name(name + "-relay")
        .description("Relay " + props.alarmName + " to " + props.destinationRegion)
        .assumeRolePolicy(PolicyDocuments.assumedBy("events.amazonaws.com",
            Map.of("StringEquals", Map.of("aws:SourceAccount", account))))
        .build());
    IamRolePolicy put = new IamRolePolicy(this, "RolePutEvents", IamRolePolicyConfig.builder()
        .role(role.getId())
        .policy(PolicyDocuments.allow(List.of("events:PutEvents"), List.of(destination)))
        .build());
    this.rule = new CloudwatchEventRule(this, "Rule", CloudwatchEventRuleConfig.builder()
        .name(name)
        .description("Relay " + props.alarmName + " entering ALARM to " + props.destinationRegion)
        .eventPattern(StandbyActivationPlan.alarmEnteredAlarmJson(props.alarmName))
        .build());
    new CloudwatchEventTarget(this, "Target", CloudwatchEventTargetConfig.builder()
        .rule(rule.getName())
        .arn(destination)
        .roleArn(role.getArn())
        .dependsOn(List.of(put))
        .build());
  }

  /** The rule in this region. */
  public CloudwatchEventRule getRule() {
    return rule;
  }

  /** Builds an {@link AlarmEventRelay}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private String alarmName;
    private String destinationRegion;
    private String region;
    private String name;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a builder. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The alarm whose entry into ALARM is relayed. */
    public Builder alarmName(String alarmName) {
      this.alarmName = alarmName;
      return this;
    }

    /** The region whose default event bus receives it. */
    public Builder destinationRegion(String destinationRegion) {
      this.destinationRegion = destinationRegion;
      return this;
    }

    /** The stack's region. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Names the rule and the role; default the construct id. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Creates the rule, its target and role. */
    public AlarmEventRelay build() {
      return new AlarmEventRelay(scope, id, this);
    }

    private void validate(String name) {
      StandbyActivationPlan.requireAlarmName(alarmName);
      RegionCode.require("destinationRegion", destinationRegion);
      RegionCode.require("region", region);
      if (destinationRegion.equals(region)) {
        throw new IllegalArgumentException("destinationRegion: " + destinationRegion
            + " is this stack's region, where the alarm's events already arrive; no relay is needed");
      }
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("name: '" + name + "' must be 1 to 58 letters, digits, '-' or '_'");
      }
    }
  }
}
