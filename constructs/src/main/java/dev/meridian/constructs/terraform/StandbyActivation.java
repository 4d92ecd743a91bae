package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.cloudwatch_event_rule.CloudwatchEventRule;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_rule.CloudwatchEventRuleConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_target.CloudwatchEventTarget;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_target.CloudwatchEventTargetConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.sfn_state_machine.SfnStateMachine;
import com.hashicorp.cdktf.providers.aws.sfn_state_machine.SfnStateMachineConfig;
import com.hashicorp.cdktf.providers.aws.sfn_state_machine.SfnStateMachineLoggingConfiguration;
import com.hashicorp.cdktf.providers.aws.sfn_state_machine.SfnStateMachineTracingConfiguration;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.StandbyActivationPlan;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * Wakes a pilot-light standby when the primary fails, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.StandbyActivation}. An {@code aws_cloudwatch_event_rule} on
 * this region's default bus matches the primary's health alarm entering ALARM and starts an
 * {@code aws_sfn_state_machine} whose one step raises the fleet's minimum (see
 * {@link StandbyActivationPlan}). Relay the alarm's events from us-east-1 with an
 * {@link AlarmEventRelay}. A later {@code terraform apply} would set the minimum back to the
 * configuration's 0 — its plan shows that change; raise the standby's minimum in the spec when a
 * failover is to last.
 *
 * <p>Props — required: {@code autoScalingGroupName}, {@code alarmName}, {@code region} (the
 * stack's). Optional: {@code minCapacity} 1; {@code logRetentionDays} 30; {@code name} the
 * construct id (names the state machine, the rule and the roles {@code <name>-states},
 * {@code <name>-events}; unique in the account and region).
 */
public final class StandbyActivation extends Construct {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,57}");

  private final SfnStateMachine stateMachine;
  private final CloudwatchEventRule rule;

  private StandbyActivation(Construct scope, String id, Builder props) {
    super(scope, id);
    String name = props.name != null ? props.name : id;
    props.validate(name);
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    CloudwatchLogGroup logs = EncryptedLogGroups.create(this, "Logs", "standby activation", account, props.region,
        props.logRetentionDays, DataClass.DERIVED);

    IamRole statesRole = new IamRole(this, "StatesRole", IamRoleConfig.builder()
        .name(name + "-states")
        .description("Standby activation: raise the standby fleet's minimum")
        .assumeRolePolicy(PolicyDocuments.assumedBy("states.amazonaws.com",
            Map.of("StringEquals", Map.of("aws:SourceAccount", account))))
        .build());
    IamRolePolicy raise = new IamRolePolicy(this, "StatesRoleRaiseMinimum", IamRolePolicyConfig.builder()
        .role(statesRole.getId())
        .policy(PolicyDocuments.allow(List.of(StandbyActivationPlan.IAM_ACTION),
            List.of(StandbyActivationPlan.autoScalingGroupArn(props.region, account, props.autoScalingGroupName))))
        .build());
    // Step Functions' log delivery and X-Ray calls take no resource-level permissions.
    IamRolePolicy observe = new IamRolePolicy(this, "StatesRoleLogsAndTraces", IamRolePolicyConfig.builder()
        .role(statesRole.getId())
        .policy(PolicyDocuments.allow(List.of("logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
            "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
            "xray:GetSamplingTargets"), List.of("*")))
        .build());
    this.stateMachine = new SfnStateMachine(this, "StateMachine", SfnStateMachineConfig.builder()
        .name(name)
        .roleArn(statesRole.getArn())
        .definition(StandbyActivationPlan.definition(props.autoScalingGroupName, props.minCapacity))
        .loggingConfiguration(SfnStateMachineLoggingConfiguration.builder()
            .logDestination(logs.getArn() + ":*")
            .level("ALL")
            .includeExecutionData(true)
            .build())
        .tracingConfiguration(SfnStateMachineTracingConfiguration.builder().enabled(true).build())
        .dependsOn(List.of(raise, observe))
        .build());

    IamRole eventsRole = new IamRole(this, "EventsRole", IamRoleConfig.builder()
        .name(name + "-events")
        .description("Standby activation: start the state machine")
        .assumeRolePolicy(PolicyDocuments.assumedBy("events.amazonaws.com",
            Map.of("StringEquals", Map.of("aws:SourceAccount", account))))
        .build());
    IamRolePolicy start = new IamRolePolicy(this, "EventsRoleStart", IamRolePolicyConfig.builder()
        .role(eventsRole.getId())
        .policy(PolicyDocuments.allow(List.of("states:StartExecution"), List.of(stateMachine.getArn())))
        .build());
    this.rule = new CloudwatchEventRule(this, "PrimaryUnhealthy", CloudwatchEventRuleConfig.builder()
        .name(name)
        .description("Wake the pilot-light standby when " + props.alarmName + " enters ALARM")
        .eventPattern(StandbyActivationPlan.alarmEnteredAlarmJson(props.alarmName))
        .build());
    new CloudwatchEventTarget(this, "Target", CloudwatchEventTargetConfig.builder()
        .rule(rule.getName())
        .arn(stateMachine.getArn())
        .roleArn(eventsRole.getArn())
        .dependsOn(List.of(start))
        .build());
  }

  /** The state machine that raises the group's minimum. */
  public SfnStateMachine getStateMachine() {
    return stateMachine;
  }

  /** The rule that starts it. */
  public CloudwatchEventRule getRule() {
    return rule;
  }

  /** Builds a {@link StandbyActivation}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private String autoScalingGroupName;
    private String alarmName;
    private String region;
    private int minCapacity = 1;
    private int logRetentionDays = 30;
    private String name;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a builder. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The standby fleet's Auto Scaling group, e.g. {@code fleet.getAutoScalingGroup().getName()}. */
    public Builder autoScalingGroupName(String autoScalingGroupName) {
      this.autoScalingGroupName = autoScalingGroupName;
      return this;
    }

    /** The primary's health alarm, e.g. {@code chat-london-unhealthy}. */
    public Builder alarmName(String alarmName) {
      this.alarmName = alarmName;
      return this;
    }

    /** The stack's region. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The minimum the fleet wakes up to; ≥ 1, default 1. */
    public Builder minCapacity(int minCapacity) {
      this.minCapacity = minCapacity;
      return this;
    }

    /** Days the execution logs are kept; default 30. */
    public Builder logRetentionDays(int logRetentionDays) {
      this.logRetentionDays = logRetentionDays;
      return this;
    }

    /** Names the state machine, the rule and the roles; default the construct id. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Creates the rule, the state machine and their roles. */
    public StandbyActivation build() {
      return new StandbyActivation(scope, id, this);
    }

    private void validate(String name) {
      StandbyActivationPlan.requireAlarmName(alarmName);
      if (autoScalingGroupName == null || autoScalingGroupName.isBlank()) {
        throw new IllegalArgumentException("autoScalingGroupName: missing; pass the standby fleet's group name");
      }
      RegionCode.require("region", region);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("name: '" + name + "' must be 1 to 57 letters, digits, '-' or '_'");
      }
    }
  }
}
