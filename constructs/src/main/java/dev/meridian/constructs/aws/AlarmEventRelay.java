package dev.meridian.constructs.aws;

import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.StandbyActivationPlan;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.constructs.Construct;

/**
 * Relays one CloudWatch alarm's entry into ALARM from this region to another region's default
 * event bus, where a {@link StandbyActivation} acts on it: alarm events are delivered only in the
 * alarm's region. The event carries the alarm's name, state and metric — no user data.
 *
 * <p>Props — required: {@code alarmName}, {@code destinationRegion} (another region).
 */
public final class AlarmEventRelay extends Construct {

  private final Rule rule;

  private AlarmEventRelay(Construct scope, String id, Builder props) {
    super(scope, id);
    StandbyActivationPlan.requireAlarmName(props.alarmName);
    RegionCode.require("destinationRegion", props.destinationRegion);
    Stack stack = Stack.of(this);
    if (props.destinationRegion.equals(stack.getRegion())) {
      throw new IllegalArgumentException("destinationRegion: " + props.destinationRegion
          + " is this stack's region, where the alarm's events already arrive; no relay is needed");
    }
    String destination = stack.formatArn(ArnComponents.builder()
        .service("events").region(props.destinationRegion).resource("event-bus").resourceName("default").build());
    this.rule = Rule.Builder.create(this, "Rule")
        .description("Relay " + props.alarmName + " entering ALARM to " + props.destinationRegion)
        .eventPattern(EventPattern.builder()
            .source(List.of(StandbyActivationPlan.ALARM_EVENT_SOURCE))
            .detailType(List.of(StandbyActivationPlan.ALARM_EVENT_TYPE))
            .detail(StandbyActivationPlan.alarmEnteredAlarmDetail(props.alarmName))
            .build())
        .targets(List.of(new software.amazon.awscdk.services.events.targets.EventBus(
            EventBus.fromEventBusArn(this, "Destination", destination))))
        .build();
  }

  /** The rule in this region. */
  public Rule getRule() {
    return rule;
  }

  /** Builds an {@link AlarmEventRelay}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private String alarmName;
    private String destinationRegion;

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

    /** Creates the rule. */
    public AlarmEventRelay build() {
      return new AlarmEventRelay(scope, id, this);
    }
  }
}
