package dev.meridian.constructs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a pilot-light standby wakes up, the same in both engines: when the primary's health alarm
 * goes to ALARM, an EventBridge rule in the standby's region starts a one-step Step Functions
 * state machine that raises the standby fleet's Auto Scaling group minimum ({@code MinSize}).
 * Only the minimum is set: a group already larger keeps its size, a smaller one grows to it
 * (Auto Scaling raises the desired capacity to a new minimum above it). Alarm events are
 * regional, so the alarm's own region relays them to the standby's default event bus
 * ({@code AlarmEventRelay}).
 */
public final class StandbyActivationPlan {

  /** The source of alarm state-change events. */
  public static final String ALARM_EVENT_SOURCE = "aws.cloudwatch";
  /** The detail type of alarm state-change events. */
  public static final String ALARM_EVENT_TYPE = "CloudWatch Alarm State Change";
  /** The state machine's only step. */
  public static final String STEP = "RaiseMinimum";
  /** The Step Functions SDK integration it calls. */
  public static final String SDK_RESOURCE = "arn:aws:states:::aws-sdk:autoscaling:updateAutoScalingGroup";
  /** The IAM action behind it. */
  public static final String IAM_ACTION = "autoscaling:UpdateAutoScalingGroup";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ALARM_NAME = Pattern.compile("[\\x20-\\x7E]{1,255}");

  private StandbyActivationPlan() {}

  /** The {@code detail} of the EventBridge pattern of an alarm entering ALARM, by the alarm's name. */
  public static Map<String, Object> alarmEnteredAlarmDetail(String alarmName) {
    requireAlarmName(alarmName);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("alarmName", List.of(alarmName));
    detail.put("state", Map.of("value", List.of("ALARM")));
    return detail;
  }

  /** The whole pattern (source {@code aws.cloudwatch}, alarm state changes) as JSON, for Terraform's {@code event_pattern}. */
  public static String alarmEnteredAlarmJson(String alarmName) {
    Map<String, Object> pattern = new LinkedHashMap<>();
    pattern.put("source", List.of(ALARM_EVENT_SOURCE));
    pattern.put("detail-type", List.of(ALARM_EVENT_TYPE));
    pattern.put("detail", alarmEnteredAlarmDetail(alarmName));
    return json(pattern);
  }

  /** The state machine's Amazon States Language definition. */
  public static String definition(String autoScalingGroupName, int minCapacity) {
    if (minCapacity < 1) {
      throw new IllegalArgumentException("minCapacity: " + minCapacity + " must be at least 1 (it wakes a fleet up)");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("AutoScalingGroupName", autoScalingGroupName);
    parameters.put("MinSize", minCapacity);
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("Type", "Task");
    step.put("Comment", "Raise the standby fleet's minimum; Auto Scaling raises its desired capacity with it");
    step.put("Resource", SDK_RESOURCE);
    step.put("Parameters", parameters);
    step.put("End", true);
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("Comment", "Wakes a pilot-light standby when the primary fails its health check");
    machine.put("StartAt", STEP);
    machine.put("States", Map.of(STEP, step));
    return json(machine);
  }

  /** The ARN pattern of an Auto Scaling group by name (its id part is unknown before it exists). */
  public static String autoScalingGroupArn(String region, String account, String groupName) {
    return "arn:aws:autoscaling:" + region + ":" + account + ":autoScalingGroup:*:autoScalingGroupName/" + groupName;
  }

  /** Checks an alarm name: 1–255 printable ASCII characters. */
  public static void requireAlarmName(String alarmName) {
    if (alarmName == null || !ALARM_NAME.matcher(alarmName).matches()) {
      throw new IllegalArgumentException("alarmName: '" + alarmName + "' must be 1 to 255 printable ASCII characters");
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
