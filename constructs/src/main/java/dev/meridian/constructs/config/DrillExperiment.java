package dev.meridian.constructs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a failover drill's FIS experiment does, the same in both engines: the FIS actions and
 * their durations, the template's description and {@code Name} tag, the SSM Automation that
 * inverts a Route 53 health check (invert, hold, restore — restoring also when cancelled or
 * failed), the input EventBridge Scheduler starts the experiment with, and the checks of the
 * props the two {@code FailoverDrill} twins share.
 */
public final class DrillExperiment {

  /** FIS stops the site's instances and starts them again after the duration. */
  public static final String STOP_INSTANCES = "aws:ec2:stop-instances";
  /** FIS makes the site's Auto Scaling group fail to launch replacements. */
  public static final String INSUFFICIENT_CAPACITY = "aws:ec2:asg-insufficient-instance-capacity-error";
  /** FIS runs an SSM Automation and stops it when the experiment stops. */
  public static final String START_AUTOMATION = "aws:ssm:start-automation-execution";
  /** The Scheduler universal target that starts an experiment. */
  public static final String SCHEDULER_TARGET_ARN = "arn:aws:scheduler:::aws-sdk:fis:startExperiment";
  /** The longest drill, in minutes (FIS actions last at most 12 hours). */
  public static final int MAX_DURATION_MINUTES = 720;

  private static final ObjectMapper JSON = new ObjectMapper();

  private DrillExperiment() {}

  /** The ISO 8601 duration of the site's outage, e.g. {@code PT15M}. */
  public static String duration(int minutes) {
    return "PT" + minutes + "M";
  }

  /** How long FIS lets the automation run: the outage plus 5 minutes to invert and restore. */
  public static String automationMaxDuration(int minutes) {
    return duration(minutes + 5);
  }

  /** The experiment template's description. */
  public static String description(DrillTarget target, int minutes) {
    if (target instanceof DrillTarget.GpuSite site) {
      return "Failover drill: stop " + site.site() + " GPU instances for " + minutes + " min";
    }
    return "Failover drill: invert health check " + ((DrillTarget.InvertedHealthCheck) target).healthCheckId()
        + " for " + minutes + " min";
  }

  /** The experiment template's {@code Name} tag. */
  public static String nameTag(DrillTarget target) {
    if (target instanceof DrillTarget.GpuSite site) {
      return "meridian-drill-" + site.deployment() + "-" + site.site();
    }
    return "meridian-drill-health-check";
  }

  /** The SSM Automation document inverting a health check for a duration, as a map (keys in order). */
  public static Map<String, Object> invertHealthCheckDocument() {
    return JSON.convertValue(invertHealthCheckTree(),
        JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
  }

  /** The same document as JSON text. */
  public static String invertHealthCheckDocumentJson() {
    return write(invertHealthCheckTree());
  }

  /** The automation's parameters as FIS passes them (a JSON string; the role ARN may be a reference). */
  public static String automationParameters(String automationRoleArn, String healthCheckId, int minutes) {
    ObjectNode parameters = JSON.createObjectNode();
    parameters.put("AutomationAssumeRole", automationRoleArn);
    parameters.put("HealthCheckId", healthCheckId);
    parameters.put("Duration", duration(minutes));
    return write(parameters);
  }

  /** The Scheduler target's input: the template to start, one client token per scheduled run. */
  public static String scheduleInput(String experimentTemplateId) {
    ObjectNode input = JSON.createObjectNode();
    input.put("ExperimentTemplateId", experimentTemplateId);
    input.put("ClientToken", "<aws.scheduler.execution-id>");
    return write(input);
  }

  /**
   * Checks the props both twins share: a target, at least one stop condition (counted under the
   * twin's field name), a duration of 1–720 minutes and, when given, a Scheduler expression.
   */
  public static void requireProps(DrillTarget target, String stopConditionsField, int stopConditions,
      int durationMinutes, String schedule) {
    if (target == null) {
      throw new IllegalArgumentException("target: missing; use DrillTarget.gpuSite(...) or DrillTarget.invertedHealthCheck(...)");
    }
    if (stopConditions == 0) {
      throw new IllegalArgumentException(stopConditionsField + ": empty; a drill needs at least one alarm that stops it"
          + " (e.g. the surviving site's health check alarm)");
    }
    if (durationMinutes < 1 || durationMinutes > MAX_DURATION_MINUTES) {
      throw new IllegalArgumentException("durationMinutes: " + durationMinutes + " must be between 1 and " + MAX_DURATION_MINUTES);
    }
    if (schedule != null) {
      ScheduleExpressions.require("schedule", schedule);
    }
  }

  private static ObjectNode invertHealthCheckTree() {
    ObjectNode document = JSON.createObjectNode();
    document.put("schemaVersion", "0.3");
    document.put("description", "Invert a Route 53 health check for a duration, then restore it");
    document.put("assumeRole", "{{ AutomationAssumeRole }}");
    ObjectNode parameters = document.putObject("parameters");
    parameters.putObject("AutomationAssumeRole").put("type", "String");
    parameters.putObject("HealthCheckId").put("type", "String");
    parameters.putObject("Duration").put("type", "String").put("description", "ISO 8601 duration, e.g. PT15M");
    ArrayNode steps = document.putArray("mainSteps");
    steps.add(invertStep("invert", true).put("onFailure", "step:restore").put("onCancel", "step:restore"));
    ObjectNode hold = steps.addObject();
    hold.put("name", "hold");
    hold.put("action", "aws:sleep");
    hold.putObject("inputs").put("Duration", "{{ Duration }}");
    hold.put("onFailure", "step:restore");
    hold.put("onCancel", "step:restore");
    steps.add(invertStep("restore", false).put("isEnd", true));
    return document;
  }

  private static ObjectNode invertStep(String name, boolean inverted) {
    ObjectNode step = JSON.createObjectNode();
    step.put("name", name);
    step.put("action", "aws:executeAwsApi");
    ObjectNode inputs = step.putObject("inputs");
    inputs.put("Service", "route53");
    inputs.put("Api", "UpdateHealthCheck");
    inputs.put("HealthCheckId", "{{ HealthCheckId }}");
    inputs.put("Inverted", inverted);
    return step;
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain strings and booleans always serializes", e);
    }
  }
}
