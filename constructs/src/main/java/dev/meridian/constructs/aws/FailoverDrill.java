package dev.meridian.constructs.aws;

import dev.meridian.constructs.config.DrillExperiment;
import dev.meridian.constructs.config.DrillTarget;
import dev.meridian.constructs.config.FailoverDrillProps;
import dev.meridian.constructs.config.FailoverDrillPropsBuilder;
import dev.meridian.constructs.config.TagKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.fis.CfnExperimentTemplate;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.amazon.awscdk.services.ssm.CfnDocument;
import software.constructs.Construct;

/**
 * A failover drill: an AWS FIS experiment that takes one site out of service for a while, run
 * on a schedule, stopped early when any of the given alarms fires. For a GPU site
 * ({@link DrillTarget.GpuSite}) it stops the fleet's running instances (FIS starts them again
 * after the duration) while {@code aws:ec2:asg-insufficient-instance-capacity-error} keeps the
 * group from launching replacements, so the site stays down for the whole duration — a real
 * outage, seen by the load balancer and by Route 53. For a server the deployment does not run
 * ({@link DrillTarget.InvertedHealthCheck}) FIS runs an SSM Automation that sets the health
 * check's {@code Inverted} flag, waits, and clears it (also when the experiment is stopped),
 * so DNS fails over while the server keeps running.
 *
 * <p>What a drill proves, and how to read it: docs/constructs/failover-drill.md. Stop-condition
 * alarms must be in the drill's region. The FIS role may stop and start only instances of the
 * named group and inject capacity errors only; the scheduler may only start this experiment.
 *
 * <p>Props — required: {@code target}, {@code stopConditions} (≥ 1). Optional:
 * {@code durationMinutes} 15; {@code schedule} none (start it by hand:
 * {@code aws fis start-experiment --experiment-template-id <id>}).
 */
public final class FailoverDrill extends Construct {

  private final Role experimentRole;
  private final CfnExperimentTemplate experimentTemplate;
  private final CfnDocument automation;
  private final Role automationRole;
  private final CfnSchedule schedule;
  private final Role schedulerRole;

  private FailoverDrill(Construct scope, String id, Builder builder) {
    super(scope, id);
    FailoverDrillProps props = builder.validate();
    String duration = DrillExperiment.duration(props.durationMinutes());
    this.experimentRole = Role.Builder.create(this, "ExperimentRole")
        .assumedBy(new ServicePrincipal("fis.amazonaws.com"))
        .description("FIS failover drill: take one site out of service")
        .build();

    CfnExperimentTemplate.Builder template = CfnExperimentTemplate.Builder.create(this, "Experiment")
        .description(DrillExperiment.description(props.target(), props.durationMinutes()))
        .tags(Map.of("Name", DrillExperiment.nameTag(props.target())))
        .roleArn(experimentRole.getRoleArn())
        .stopConditions(builder.stopConditions.stream().map(alarm -> CfnExperimentTemplate.ExperimentTemplateStopConditionProperty
            .builder().source("aws:cloudwatch:alarm").value(alarm.getAlarmArn()).build()).toList());
    if (props.target() instanceof DrillTarget.GpuSite site) {
      this.automation = null;
      this.automationRole = null;
      template.targets(new TreeMap<>(Map.of(
              "SiteGroups", CfnExperimentTemplate.ExperimentTemplateTargetProperty.builder()
                  .resourceType("aws:ec2:autoscaling-group")
                  .resourceTags(new TreeMap<>(Map.of(TagKeys.DEPLOYMENT, site.deployment(), TagKeys.SITE, site.site())))
                  .selectionMode("ALL")
                  .build(),
              "SiteInstances", CfnExperimentTemplate.ExperimentTemplateTargetProperty.builder()
                  .resourceType("aws:ec2:instance")
                  .resourceTags(Map.of("aws:autoscaling:groupName", site.autoScalingGroupName()))
                  .filters(List.of(CfnExperimentTemplate.ExperimentTemplateTargetFilterProperty.builder()
                      .path("State.Name").values(List.of("running")).build()))
                  .selectionMode("ALL")
                  .build())))
          .actions(new TreeMap<>(Map.of(
              "PreventReplacement", CfnExperimentTemplate.ExperimentTemplateActionProperty.builder()
                  .actionId(DrillExperiment.INSUFFICIENT_CAPACITY)
                  .description("The group cannot launch replacements while the site is down")
                  .parameters(new TreeMap<>(Map.of(
                      "availabilityZoneIdentifiers", Fn.join(",", site.availabilityZones()),
                      "duration", duration,
                      "percentage", "100")))
                  .targets(Map.of("AutoScalingGroups", "SiteGroups"))
                  .build(),
              "StopInstances", CfnExperimentTemplate.ExperimentTemplateActionProperty.builder()
                  .actionId(DrillExperiment.STOP_INSTANCES)
                  .description("Stop the site's GPU instances; FIS starts them after the duration")
                  .parameters(Map.of("startInstancesAfterDuration", duration))
                  .targets(Map.of("Instances", "SiteInstances"))
                  .build())));
      experimentRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("ec2:StopInstances", "ec2:StartInstances"))
          .resources(List.of(arn("ec2", "instance", "*", ArnFormat.SLASH_RESOURCE_NAME)))
          .conditions(Map.of("StringEquals", Map.of("aws:ResourceTag/aws:autoscaling:groupName", site.autoScalingGroupName())))
          .build());
      experimentRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("ec2:InjectApiError"))
          .resources(List.of("*"))
          .conditions(Map.of("ForAnyValue:StringEquals", Map.of("ec2:FisActionId", List.of(DrillExperiment.INSUFFICIENT_CAPACITY))))
          .build());
      experimentRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("ec2:DescribeInstances", "autoscaling:DescribeAutoScalingGroups"))
          .resources(List.of("*"))
          .build());
    } else {
      DrillTarget.InvertedHealthCheck check = (DrillTarget.InvertedHealthCheck) props.target();
      this.automationRole = Role.Builder.create(this, "AutomationRole")
          .assumedBy(new ServicePrincipal("ssm.amazonaws.com"))
          .description("SSM Automation: invert and restore one Route 53 health check")
          .build();
      automationRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("route53:UpdateHealthCheck", "route53:GetHealthCheck"))
          .resources(List.of("arn:aws:route53:::healthcheck/" + check.healthCheckId()))
          .build());
      this.automation = CfnDocument.Builder.create(this, "InvertHealthCheck")
          .documentType("Automation")
          .documentFormat("JSON")
          .content(DrillExperiment.invertHealthCheckDocument())
          .build();
      template.targets(Map.of())
          .actions(Map.of("InvertHealthCheck", CfnExperimentTemplate.ExperimentTemplateActionProperty.builder()
              .actionId(DrillExperiment.START_AUTOMATION)
              .description("Invert the health check, wait, restore it")
              .parameters(new TreeMap<>(Map.of(
                  "documentArn", arn("ssm", "document", automation.getRef(), ArnFormat.SLASH_RESOURCE_NAME),
                  "documentParameters", DrillExperiment.automationParameters(automationRole.getRoleArn(),
                      check.healthCheckId(), props.durationMinutes()),
                  "maxDuration", DrillExperiment.automationMaxDuration(props.durationMinutes()))))
              .build()));
      experimentRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("ssm:StartAutomationExecution"))
          .resources(List.of(arn("ssm", "automation-definition", automation.getRef() + ":*", ArnFormat.SLASH_RESOURCE_NAME)))
          .build());
      experimentRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("ssm:GetAutomationExecution", "ssm:StopAutomationExecution"))
          .resources(List.of(arn("ssm", "automation-execution", "*", ArnFormat.SLASH_RESOURCE_NAME)))
          .build());
      experimentRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("iam:PassRole"))
          .resources(List.of(automationRole.getRoleArn()))
          .build());
    }
    this.experimentTemplate = template.build();
    experimentTemplate.getNode().addDependency(experimentRole);

    if (props.schedule() == null) {
      this.schedule = null;
      this.schedulerRole = null;
      return;
    }
    this.schedulerRole = Role.Builder.create(this, "SchedulerRole")
        .assumedBy(ServicePrincipal.Builder.create("scheduler.amazonaws.com")
            .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
            .build())
        .description("EventBridge Scheduler: start the failover drill")
        .build();
    schedulerRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("fis:StartExperiment"))
        .resources(List.of(
            arn("fis", "experiment-template", experimentTemplate.getRef(), ArnFormat.SLASH_RESOURCE_NAME),
            arn("fis", "experiment", "*", ArnFormat.SLASH_RESOURCE_NAME)))
        .build());
    this.schedule = CfnSchedule.Builder.create(this, "Schedule")
        .description("Runs the failover drill")
        .scheduleExpression(props.schedule())
        .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
        .state("ENABLED")
        .target(CfnSchedule.TargetProperty.builder()
            .arn(DrillExperiment.SCHEDULER_TARGET_ARN)
            .roleArn(schedulerRole.getRoleArn())
            .input(DrillExperiment.scheduleInput(experimentTemplate.getRef()))
            .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(0).build())
            .build())
        .build();
  }

  private String arn(String service, String resource, String name, ArnFormat format) {
    return Stack.of(this).formatArn(ArnComponents.builder()
        .service(service).resource(resource).resourceName(name).arnFormat(format).build());
  }

  /** The FIS experiment template. */
  public CfnExperimentTemplate getExperimentTemplate() {
    return experimentTemplate;
  }

  /** The role FIS runs the experiment with. */
  public Role getExperimentRole() {
    return experimentRole;
  }

  /** The SSM Automation document inverting the health check; empty for a GPU site. */
  public Optional<CfnDocument> getAutomation() {
    return Optional.ofNullable(automation);
  }

  /** The role the automation runs with; empty for a GPU site. */
  public Optional<Role> getAutomationRole() {
    return Optional.ofNullable(automationRole);
  }

  /** The schedule starting the experiment; empty when none was given. */
  public Optional<CfnSchedule> getSchedule() {
    return Optional.ofNullable(schedule);
  }

  /** The role the schedule starts the experiment with; empty when no schedule was given. */
  public Optional<Role> getSchedulerRole() {
    return Optional.ofNullable(schedulerRole);
  }

  /**
   * Builds a {@link FailoverDrill}; the props setters are {@link FailoverDrillPropsBuilder}'s, plus
   * {@code stopConditions}.
   */
  public static final class Builder extends FailoverDrillPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private List<IAlarm> stopConditions = List.of();

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a drill {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Alarms (in the drill's region) that stop the drill when they fire, e.g. the surviving site's health. Required, ≥ 1. */
    public Builder stopConditions(List<? extends IAlarm> alarms) {
      this.stopConditions = List.copyOf(alarms);
      return this;
    }

    /** The drill. */
    public FailoverDrill build() {
      return new FailoverDrill(scope, id, this);
    }

    private FailoverDrillProps validate() {
      requireDrill("stopConditions", stopConditions.size());
      return props();
    }
  }
}
