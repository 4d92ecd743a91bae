package dev.meridian.constructs.aws;

import dev.meridian.constructs.aws.internal.EncryptedLogGroups;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.StandbyActivationPlan;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * Wakes a pilot-light standby (a fleet at minimum 0) when the primary fails: an EventBridge rule
 * on this region's default bus matches the primary's health alarm entering ALARM and starts a
 * one-step state machine that raises the fleet's minimum to {@code minCapacity} (see
 * {@link StandbyActivationPlan}; only the minimum changes, so a larger group keeps its size).
 * The alarm lives in us-east-1 (Route 53's metrics do); unless this stack is there too, relay its
 * events here with an {@link AlarmEventRelay}. Going back to the pilot light after the primary
 * recovers is an operator's decision: set the minimum to 0 again (a CloudFormation deploy does
 * not, since the template's minimum did not change).
 *
 * <p>Props — required: {@code autoScalingGroupName} (the standby fleet's group),
 * {@code alarmName} (the primary's health alarm). Optional: {@code minCapacity} 1;
 * {@code logRetentionDays} 30 (the state machine's execution logs, tagged {@code derived}).
 */
public final class StandbyActivation extends Construct {

  private final StateMachine stateMachine;
  private final Rule rule;

  private StandbyActivation(Construct scope, String id, Builder props) {
    super(scope, id);
    StandbyActivationPlan.requireAlarmName(props.alarmName);
    if (props.autoScalingGroupName == null || props.autoScalingGroupName.isBlank()) {
      throw new IllegalArgumentException("autoScalingGroupName: missing; pass the standby fleet's group name");
    }
    Stack stack = Stack.of(this);
    LogGroup logs = EncryptedLogGroups.create(this, "Logs", "standby activation", props.logRetentionDays, DataClass.DERIVED);
    this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
        .definitionBody(DefinitionBody.fromString(
            StandbyActivationPlan.definition(props.autoScalingGroupName, props.minCapacity)))
        .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
        .tracingEnabled(true)
        .build();
    stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
        .actions(List.of(StandbyActivationPlan.IAM_ACTION))
        .resources(List.of(StandbyActivationPlan.autoScalingGroupArn(stack.getRegion(), stack.getAccount(),
            props.autoScalingGroupName)))
        .build());
    this.rule = Rule.Builder.create(this, "PrimaryUnhealthy")
        .description("Wake the pilot-light standby when " + props.alarmName + " enters ALARM")
        .eventPattern(EventPattern.builder()
            .source(List.of(StandbyActivationPlan.ALARM_EVENT_SOURCE))
            .detailType(List.of(StandbyActivationPlan.ALARM_EVENT_TYPE))
            .detail(StandbyActivationPlan.alarmEnteredAlarmDetail(props.alarmName))
            .build())
        .targets(List.of(new SfnStateMachine(stateMachine)))
        .build();
  }

  /** The state machine that raises the group's minimum. */
  public StateMachine getStateMachine() {
    return stateMachine;
  }

  /** The rule that starts it. */
  public Rule getRule() {
    return rule;
  }

  /** Builds a {@link StandbyActivation}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private String autoScalingGroupName;
    private String alarmName;
    private int minCapacity = 1;
    private int logRetentionDays = 30;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a builder. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The standby fleet's Auto Scaling group, e.g. {@code fleet.getAutoScalingGroup().getAutoScalingGroupName()}. */
    public Builder autoScalingGroupName(String autoScalingGroupName) {
      this.autoScalingGroupName = autoScalingGroupName;
      return this;
    }

    /** The primary's health alarm, e.g. {@code chat-london-unhealthy}. */
    public Builder alarmName(String alarmName) {
      this.alarmName = alarmName;
      return this;
    }

    /** The minimum the fleet wakes up to; ≥ 1, default 1 (request-count scaling grows it from there). */
    public Builder minCapacity(int minCapacity) {
      this.minCapacity = minCapacity;
      return this;
    }

    /** Days the execution logs are kept; default 30. */
    public Builder logRetentionDays(int logRetentionDays) {
      this.logRetentionDays = logRetentionDays;
      return this;
    }

    /** Creates the rule and the state machine. */
    public StandbyActivation build() {
      return new StandbyActivation(scope, id, this);
    }
  }
}
