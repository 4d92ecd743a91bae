package dev.meridian.constructs.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.providers.aws.cloudcontrolapi_resource.CloudcontrolapiResource;
import com.hashicorp.cdktf.providers.aws.cloudcontrolapi_resource.CloudcontrolapiResourceConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.fis_experiment_template.FisExperimentTemplate;
import com.hashicorp.cdktf.providers.aws.fis_experiment_template.FisExperimentTemplateAction;
import com.hashicorp.cdktf.providers.aws.fis_experiment_template.FisExperimentTemplateActionParameter;
import com.hashicorp.cdktf.providers.aws.fis_experiment_template.FisExperimentTemplateConfig;
import com.hashicorp.cdktf.providers.aws.fis_experiment_template.FisExperimentTemplateStopCondition;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerSchedule;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleConfig;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleFlexibleTimeWindow;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTarget;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTargetRetryPolicy;
import com.hashicorp.cdktf.providers.aws.ssm_document.SsmDocument;
import com.hashicorp.cdktf.providers.aws.ssm_document.SsmDocumentConfig;
import dev.meridian.constructs.config.DrillExperiment;
import dev.meridian.constructs.config.DrillTarget;
import dev.meridian.constructs.config.FailoverDrillProps;
import dev.meridian.constructs.config.FailoverDrillPropsBuilder;
import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.TagKeys;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * A failover drill in Terraform: the twin of {@link dev.meridian.constructs.aws.FailoverDrill}.
 * An AWS FIS experiment that takes one site out of service for a while, run on a schedule
 * (EventBridge Scheduler's universal target {@code aws-sdk:fis:startExperiment}), stopped early
 * when any of the given alarms fires. For a GPU site ({@link DrillTarget.GpuSite}) it stops the
 * fleet's running instances (FIS starts them again after the duration) while
 * {@code aws:ec2:asg-insufficient-instance-capacity-error} keeps the group from launching
 * replacements. For a server the deployment does not run ({@link DrillTarget.InvertedHealthCheck})
 * FIS runs an SSM Automation that inverts the Route 53 health check, waits and restores it (also
 * when the experiment is stopped). What a drill proves: docs/constructs/failover-drill.md.
 *
 * <p>The GPU site's template is an {@code aws_cloudcontrolapi_resource} of type
 * {@code AWS::FIS::ExperimentTemplate}, with the same properties as the CDK twin's: AWS provider
 * 5.23.1's {@code aws_fis_experiment_template} refuses the action target key
 * {@code AutoScalingGroups} at plan time (hashicorp/terraform-provider-aws#35299), and without the
 * capacity-error action the group would replace the stopped instances. The health-check drill
 * uses {@code aws_fis_experiment_template}.
 *
 * <p>Least privilege as in the CDK twin: the FIS role may stop and start only instances tagged with
 * the named group and inject only the capacity error; the automation role may update only the
 * drilled health check; the scheduler may only start this template.
 *
 * <p>Props — required: {@code target}, {@code stopConditionAlarmArns} (≥ 1, in the drill's
 * region), {@code region} (the stack's region). Optional: {@code durationMinutes} 15;
 * {@code schedule} none (start it by hand: {@code aws fis start-experiment
 * --experiment-template-id <id>}); {@code name} the construct id (names the automation document
 * {@code <name>-invert-health-check} and the schedule {@code <name>}, unique in the account and region).
 */
public final class FailoverDrill extends Construct {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  private final IamRole experimentRole;
  private final TerraformResource experimentTemplate;
  private final String experimentTemplateId;
  private final Optional<SsmDocument> automation;
  private final Optional<IamRole> automationRole;
  private final Optional<SchedulerSchedule> schedule;
  private final Optional<IamRole> schedulerRole;

  private FailoverDrill(Construct scope, String id, Builder builder) {
    super(scope, id);
    FailoverDrillProps props = builder.validate();
    String name = builder.name != null ? builder.name : id;
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    String arnPrefix = ":" + builder.region + ":" + account + ":";
    this.experimentRole = new IamRole(this, "ExperimentRole", IamRoleConfig.builder()
        .description("FIS failover drill: take one site out of service")
        .assumeRolePolicy(PolicyDocuments.assumedBy("fis.amazonaws.com"))
        .build());
    String description = DrillExperiment.description(props.target(), props.durationMinutes());
    Map<String, String> tags = Map.of("Name", DrillExperiment.nameTag(props.target()));

    if (props.target() instanceof DrillTarget.GpuSite site) {
      this.automation = Optional.empty();
      this.automationRole = Optional.empty();
      List<ITerraformDependable> permissions = List.of(
          allow("ExperimentRoleStopStart", experimentRole, List.of("ec2:StopInstances", "ec2:StartInstances"),
              List.of("arn:aws:ec2" + arnPrefix + "instance/*"),
              Map.of("StringEquals", Map.of("aws:ResourceTag/aws:autoscaling:groupName", site.autoScalingGroupName()))),
          allow("ExperimentRoleCapacityError", experimentRole, List.of("ec2:InjectApiError"), List.of("*"),
              Map.of("ForAnyValue:StringEquals", Map.of("ec2:FisActionId", DrillExperiment.INSUFFICIENT_CAPACITY))),
          allow("ExperimentRoleDescribe", experimentRole,
              List.of("ec2:DescribeInstances", "autoscaling:DescribeAutoScalingGroups"), List.of("*"), Map.of()));
      CloudcontrolapiResource template = new CloudcontrolapiResource(this, "Experiment",
          CloudcontrolapiResourceConfig.builder()
              .typeName("AWS::FIS::ExperimentTemplate")
              .desiredState(gpuSiteTemplate(site, props, builder, description, tags))
              .dependsOn(permissions)
              .build());
      this.experimentTemplate = template;
      this.experimentTemplateId = template.getId();
    } else {
      DrillTarget.InvertedHealthCheck check = (DrillTarget.InvertedHealthCheck) props.target();
      IamRole automationRole = new IamRole(this, "AutomationRole", IamRoleConfig.builder()
          .description("SSM Automation: invert and restore one Route 53 health check")
          .assumeRolePolicy(PolicyDocuments.assumedBy("ssm.amazonaws.com"))
          .build());
      allow("AutomationRoleHealthCheck", automationRole, List.of("route53:UpdateHealthCheck", "route53:GetHealthCheck"),
          List.of("arn:aws:route53:::healthcheck/" + check.healthCheckId()), Map.of());
      SsmDocument document = new SsmDocument(this, "InvertHealthCheck", SsmDocumentConfig.builder()
          .name(name + "-invert-health-check")
          .documentType("Automation")
          .documentFormat("JSON")
          .content(DrillExperiment.invertHealthCheckDocumentJson())
          .build());
      List<ITerraformDependable> permissions = List.of(
          allow("ExperimentRoleStartAutomation", experimentRole, List.of("ssm:StartAutomationExecution"),
              List.of("arn:aws:ssm" + arnPrefix + "automation-definition/" + document.getName() + ":*"), Map.of()),
          allow("ExperimentRoleAutomationExecutions", experimentRole,
              List.of("ssm:GetAutomationExecution", "ssm:StopAutomationExecution"),
              List.of("arn:aws:ssm" + arnPrefix + "automation-execution/*"), Map.of()),
          allow("ExperimentRolePassAutomationRole", experimentRole, List.of("iam:PassRole"),
              List.of(automationRole.getArn()), Map.of()));
      FisExperimentTemplate template = new FisExperimentTemplate(this, "Experiment", FisExperimentTemplateConfig.builder()
          .description(description)
          .roleArn(experimentRole.getArn())
          .stopCondition(builder.stopConditionAlarmArns.stream().map(arn -> FisExperimentTemplateStopCondition.builder()
              .source("aws:cloudwatch:alarm").value(arn).build()).toList())
          .action(List.of(FisExperimentTemplateAction.builder()
              .name("InvertHealthCheck")
              .actionId(DrillExperiment.START_AUTOMATION)
              .description("Invert the health check, wait, restore it")
              .parameter(List.of(
                  parameter("documentArn", document.getArn()),
                  parameter("documentParameters",
                      DrillExperiment.automationParameters(automationRole.getArn(), check.healthCheckId(), props.durationMinutes())),
                  parameter("maxDuration", DrillExperiment.automationMaxDuration(props.durationMinutes()))))
              .build()))
          .tags(tags)
          .dependsOn(permissions)
          .build());
      this.automation = Optional.of(document);
      this.automationRole = Optional.of(automationRole);
      this.experimentTemplate = template;
      this.experimentTemplateId = template.getId();
    }

    if (props.schedule() == null) {
      this.schedule = Optional.empty();
      this.schedulerRole = Optional.empty();
      return;
    }
    IamRole schedulerRole = new IamRole(this, "SchedulerRole", IamRoleConfig.builder()
        .description("EventBridge Scheduler: start the failover drill")
        .assumeRolePolicy(PolicyDocuments.assumedBy("scheduler.amazonaws.com",
            Map.of("StringEquals", Map.of("aws:SourceAccount", account))))
        .build());
    IamRolePolicy start = allow("SchedulerRoleStartExperiment", schedulerRole, List.of("fis:StartExperiment"),
        List.of("arn:aws:fis" + arnPrefix + "experiment-template/" + experimentTemplateId,
            "arn:aws:fis" + arnPrefix + "experiment/*"), Map.of());
    this.schedulerRole = Optional.of(schedulerRole);
    this.schedule = Optional.of(new SchedulerSchedule(this, "Schedule", SchedulerScheduleConfig.builder()
        .name(name)
        .description("Runs the failover drill")
        .scheduleExpression(props.schedule())
        .flexibleTimeWindow(SchedulerScheduleFlexibleTimeWindow.builder().mode("OFF").build())
        .state("ENABLED")
        .target(SchedulerScheduleTarget.builder()
            .arn(DrillExperiment.SCHEDULER_TARGET_ARN)
            .roleArn(schedulerRole.getArn())
            .input(DrillExperiment.scheduleInput(experimentTemplateId))
            .retryPolicy(SchedulerScheduleTargetRetryPolicy.builder().maximumRetryAttempts(0).build())
            .build())
        .dependsOn(List.of(start))
        .build()));
  }

  private IamRolePolicy allow(String id, IamRole role, List<String> actions, List<String> resources,
      Map<String, Map<String, String>> condition) {
    return new IamRolePolicy(this, id, IamRolePolicyConfig.builder()
        .role(role.getId())
        .policy(PolicyDocuments.allow(actions, resources, condition))
        .build());
  }

  private static FisExperimentTemplateActionParameter parameter(String key, String value) {
    return FisExperimentTemplateActionParameter.builder().key(key).value(value).build();
  }

  /** The GPU site's template in CloudFormation's shape, as the CDK twin synthesizes it. */
  private String gpuSiteTemplate(DrillTarget.GpuSite site, FailoverDrillProps props, Builder builder, String description,
      Map<String, String> tags) {
    String duration = DrillExperiment.duration(props.durationMinutes());
    ObjectNode template = JSON.createObjectNode();
    template.put("Description", description);
    template.put("RoleArn", experimentRole.getArn());
    ArrayNode stopConditions = template.putArray("StopConditions");
    builder.stopConditionAlarmArns.forEach(arn -> stopConditions.addObject().put("Source", "aws:cloudwatch:alarm").put("Value", arn));
    ObjectNode targets = template.putObject("Targets");
    ObjectNode groups = targets.putObject("SiteGroups");
    groups.put("ResourceType", "aws:ec2:autoscaling-group");
    groups.putObject("ResourceTags").put(TagKeys.DEPLOYMENT, site.deployment()).put(TagKeys.SITE, site.site());
    groups.put("SelectionMode", "ALL");
    ObjectNode instances = targets.putObject("SiteInstances");
    instances.put("ResourceType", "aws:ec2:instance");
    instances.putObject("ResourceTags").put("aws:autoscaling:groupName", site.autoScalingGroupName());
    instances.putArray("Filters").addObject().put("Path", "State.Name").putArray("Values").add("running");
    instances.put("SelectionMode", "ALL");
    ObjectNode actions = template.putObject("Actions");
    ObjectNode prevent = actions.putObject("PreventReplacement");
    prevent.put("ActionId", DrillExperiment.INSUFFICIENT_CAPACITY);
    prevent.put("Description", "The group cannot launch replacements while the site is down");
    prevent.putObject("Parameters")
        .put("availabilityZoneIdentifiers", String.join(",", site.availabilityZones()))
        .put("duration", duration)
        .put("percentage", "100");
    prevent.putObject("Targets").put("AutoScalingGroups", "SiteGroups");
    ObjectNode stop = actions.putObject("StopInstances");
    stop.put("ActionId", DrillExperiment.STOP_INSTANCES);
    stop.put("Description", "Stop the site's GPU instances; FIS starts them after the duration");
    stop.putObject("Parameters").put("startInstancesAfterDuration", duration);
    stop.putObject("Targets").put("Instances", "SiteInstances");
    ObjectNode tagNode = template.putObject("Tags");
    tags.forEach(tagNode::put);
    try {
      return JSON.writeValueAsString(template);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain strings always serializes", e);
    }
  }

  /**
   * The experiment template: an {@code aws_cloudcontrolapi_resource} ({@code AWS::FIS::ExperimentTemplate})
   * for a GPU site, an {@code aws_fis_experiment_template} for a health check.
   */
  public TerraformResource getExperimentTemplate() {
    return experimentTemplate;
  }

  /** The experiment template's id, for {@code aws fis start-experiment --experiment-template-id}. */
  public String getExperimentTemplateId() {
    return experimentTemplateId;
  }

  /** The role FIS runs the experiment with. */
  public IamRole getExperimentRole() {
    return experimentRole;
  }

  /** The SSM Automation document inverting the health check; empty for a GPU site. */
  public Optional<SsmDocument> getAutomation() {
    return automation;
  }

  /** The role the automation runs with; empty for a GPU site. */
  public Optional<IamRole> getAutomationRole() {
    return automationRole;
  }

  /** The schedule starting the experiment; empty when none was given. */
  public Optional<SchedulerSchedule> getSchedule() {
    return schedule;
  }

  /** The role the schedule starts the experiment with; empty when no schedule was given. */
  public Optional<IamRole> getSchedulerRole() {
    return schedulerRole;
  }

  /**
   * Builds a {@link FailoverDrill}; the props setters are {@link FailoverDrillPropsBuilder}'s, plus
   * {@code stopConditionAlarmArns}, {@code name} and {@code region}.
   */
  public static final class Builder extends FailoverDrillPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private List<String> stopConditionAlarmArns = List.of();
    private String name;
    private String region;

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

    /**
     * ARNs of the CloudWatch alarms (in the drill's region) that stop the drill when they fire,
     * e.g. the surviving site's health. Required, ≥ 1.
     */
    public Builder stopConditionAlarmArns(List<String> alarmArns) {
      this.stopConditionAlarmArns = List.copyOf(alarmArns);
      return this;
    }

    /**
     * Names the automation document ({@code <name>-invert-health-check}) and the schedule
     * ({@code <name>}); unique in the account and region, 1–40 letters, digits, '.', '_' or '-'.
     * @default the construct id
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The region of the stack's provider. Required. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The drill. */
    public FailoverDrill build() {
      return new FailoverDrill(scope, id, this);
    }

    private FailoverDrillProps validate() {
      requireDrill("stopConditionAlarmArns", stopConditionAlarmArns.size());
      RegionCode.require("region", region);
      String effectiveName = name != null ? name : id;
      String lowerCase = effectiveName.toLowerCase(Locale.ROOT);
      if (!NAME.matcher(effectiveName).matches() || lowerCase.startsWith("aws") || lowerCase.startsWith("amazon")) {
        throw new IllegalArgumentException("name: '" + effectiveName + "' cannot name an SSM document and a schedule;"
            + " use 1-40 letters, digits, '.', '_' or '-', not starting with aws or amazon, e.g. chat-uk-drill");
      }
      return props();
    }
  }
}
