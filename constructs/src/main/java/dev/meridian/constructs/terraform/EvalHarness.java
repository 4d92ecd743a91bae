package dev.meridian.constructs.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionConfig;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerSchedule;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleConfig;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleFlexibleTimeWindow;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTarget;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTargetEcsParameters;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTargetEcsParametersNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTargetRetryPolicy;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupEgress;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.EvalHarnessProps;
import dev.meridian.constructs.config.EvalHarnessPropsBuilder;
import dev.meridian.constructs.config.EvalRun;
import dev.meridian.constructs.config.EvalTarget;
import dev.meridian.constructs.config.RegionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The same evaluation, run on a schedule against every site's endpoint, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.EvalHarness}. An ECS cluster, one Fargate task definition
 * (the eval image at a pinned suite version, awslogs into a log group encrypted with its own KMS
 * key, tagged {@code derived}) run in the network's private subnets without a public address
 * behind a security group allowing only outbound HTTPS, and per site an EventBridge Scheduler
 * schedule ({@code aws_scheduler_schedule}) that runs it with that site's endpoint, no retries.
 * The container's environment and overrides are {@link EvalRun}'s, as in the CDK twin; results
 * go under {@code eval-results/<site>/<suite version>/} of the results bucket (the caller's,
 * possibly in another region). The task role may only {@code s3:PutObject} under
 * {@code eval-results/}; the scheduler role may only {@code ecs:RunTask} this task definition's
 * family in this cluster and pass the task and execution roles.
 *
 * <p>Names Terraform requires come from {@code name}: cluster and task definition family
 * {@code <name>}, roles {@code <name>-task}, {@code <name>-execution}, {@code <name>-scheduler},
 * schedules {@code <name>-<site>}.
 *
 * <p>Props — required: {@code network}, {@code image}, {@code suiteVersion}, {@code targets}
 * (≥ 1, HTTPS endpoints), {@code resultsBucketName}, {@code region} (the stack's region). Optional:
 * {@code schedule} {@code rate(1 day)}; {@code cpu} 1024; {@code memoryMiB} 2048;
 * {@code logRetentionDays} 30; {@code name} the construct id.
 */
public final class EvalHarness extends Construct {

  private static final int MAX_NAME_LENGTH = 64;
  private static final String SCHEDULER_ROLE_SUFFIX = "-scheduler";

  private final EcsCluster cluster;
  private final EcsTaskDefinition taskDefinition;
  private final IamRole taskRole;
  private final IamRole executionRole;
  private final SecurityGroup securityGroup;
  private final IamRole schedulerRole;
  private final CloudwatchLogGroup logGroup;
  private final List<SchedulerSchedule> schedules = new ArrayList<>();

  private EvalHarness(Construct scope, String id, Builder builder) {
    super(scope, id);
    String name = builder.name != null ? builder.name : id;
    EvalHarnessProps props = builder.validate(name);
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();

    this.cluster = new EcsCluster(this, "Cluster", EcsClusterConfig.builder()
        .name(name)
        .setting(List.of(EcsClusterSetting.builder().name("containerInsights").value("enabled").build()))
        .build());
    this.logGroup = EncryptedLogGroups.create(this, "Logs", "eval harness", account, builder.region,
        props.logRetentionDays(), DataClass.DERIVED);

    this.taskRole = new IamRole(this, "TaskRole", IamRoleConfig.builder()
        .name(name + "-task")
        .description("Eval task: put results under " + EvalRun.RESULTS_ROOT + " of the results bucket")
        .assumeRolePolicy(PolicyDocuments.assumedBy("ecs-tasks.amazonaws.com"))
        .build());
    new IamRolePolicy(this, "TaskRoleResults", IamRolePolicyConfig.builder()
        .role(taskRole.getId())
        .policy(PolicyDocuments.allow(List.of("s3:PutObject"),
            List.of("arn:aws:s3:::" + builder.resultsBucketName + "/" + EvalRun.RESULTS_ROOT + "*")))
        .build());
    this.executionRole = new IamRole(this, "ExecutionRole", IamRoleConfig.builder()
        .name(name + "-execution")
        .description("ECS: start the eval task and ship its logs")
        .assumeRolePolicy(PolicyDocuments.assumedBy("ecs-tasks.amazonaws.com"))
        .build());
    new IamRolePolicy(this, "ExecutionRoleLogs", IamRolePolicyConfig.builder()
        .role(executionRole.getId())
        .policy(PolicyDocuments.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            List.of(logGroup.getArn(), logGroup.getArn() + ":*")))
        .build());

    this.taskDefinition = new EcsTaskDefinition(this, "Task", EcsTaskDefinitionConfig.builder()
        .family(name)
        .requiresCompatibilities(List.of("FARGATE"))
        .networkMode("awsvpc")
        .cpu(String.valueOf(props.cpu()))
        .memory(String.valueOf(props.memoryMiB()))
        .taskRoleArn(taskRole.getArn())
        .executionRoleArn(executionRole.getArn())
        .containerDefinitions(containerDefinitions(props, builder, logGroup.getName()))
        .build());

    this.securityGroup = new SecurityGroup(this, "SecurityGroup", SecurityGroupConfig.builder()
        .vpcId(builder.network.getVpc().getId())
        .description("Eval tasks: outbound HTTPS only, to the endpoints and AWS APIs")
        .ingress(List.of())
        .egress(List.of(SecurityGroupEgress.builder().description("HTTPS out").protocol("tcp").fromPort(443).toPort(443)
            .cidrBlocks(List.of("0.0.0.0/0")).build()))
        .build());

    this.schedulerRole = new IamRole(this, "SchedulerRole", IamRoleConfig.builder()
        .name(name + SCHEDULER_ROLE_SUFFIX)
        .description("EventBridge Scheduler: run the eval task")
        .assumeRolePolicy(PolicyDocuments.assumedBy("scheduler.amazonaws.com",
            Map.of("StringEquals", Map.of("aws:SourceAccount", account))))
        .build());
    IamRolePolicy runTask = new IamRolePolicy(this, "SchedulerRoleRunTask", IamRolePolicyConfig.builder()
        .role(schedulerRole.getId())
        .policy(PolicyDocuments.allow(List.of("ecs:RunTask"), List.of(taskDefinition.getArnWithoutRevision() + ":*"),
            Map.of("ArnEquals", Map.of("ecs:cluster", cluster.getArn()))))
        .build());
    IamRolePolicy passRole = new IamRolePolicy(this, "SchedulerRolePassRole", IamRolePolicyConfig.builder()
        .role(schedulerRole.getId())
        .policy(PolicyDocuments.allow(List.of("iam:PassRole"), List.of(taskRole.getArn(), executionRole.getArn())))
        .build());

    for (EvalTarget target : props.targets()) {
      schedules.add(new SchedulerSchedule(this, "Schedule-" + target.site(), SchedulerScheduleConfig.builder()
          .name(name + "-" + target.site())
          .description("Eval suite " + props.suiteVersion() + " against " + target.site())
          .scheduleExpression(props.schedule())
          .flexibleTimeWindow(SchedulerScheduleFlexibleTimeWindow.builder().mode("OFF").build())
          .state("ENABLED")
          .target(SchedulerScheduleTarget.builder()
              .arn(cluster.getArn())
              .roleArn(schedulerRole.getArn())
              .input(EvalRun.containerOverrides(target, props.suiteVersion()))
              .retryPolicy(SchedulerScheduleTargetRetryPolicy.builder().maximumRetryAttempts(0).build())
              .ecsParameters(SchedulerScheduleTargetEcsParameters.builder()
                  .taskDefinitionArn(taskDefinition.getArn())
                  .launchType("FARGATE")
                  .taskCount(1)
                  .networkConfiguration(SchedulerScheduleTargetEcsParametersNetworkConfiguration.builder()
                      .subnets(builder.network.privateSubnetIds())
                      .securityGroups(List.of(securityGroup.getId()))
                      .assignPublicIp(false)
                      .build())
                  .build())
              .build())
          .dependsOn(List.of(runTask, passRole))
          .build()));
    }
  }

  /** The task definition's one container, as ECS JSON: image, environment, awslogs into the log group. */
  private static String containerDefinitions(EvalHarnessProps props, Builder builder, String logGroupName) {
    ObjectMapper json = new ObjectMapper();
    ArrayNode definitions = json.createArrayNode();
    ObjectNode container = definitions.addObject();
    container.put("name", EvalRun.CONTAINER);
    container.put("image", props.image());
    container.put("essential", true);
    ArrayNode environment = container.putArray("environment");
    EvalRun.environment(props.suiteVersion(), builder.resultsBucketName)
        .forEach((key, value) -> environment.addObject().put("name", key).put("value", value));
    ObjectNode logging = container.putObject("logConfiguration");
    logging.put("logDriver", "awslogs");
    logging.putObject("options")
        .put("awslogs-group", logGroupName)
        .put("awslogs-region", builder.region)
        .put("awslogs-stream-prefix", EvalRun.LOG_STREAM_PREFIX);
    return definitions.toString();
  }

  /** The ECS cluster the eval tasks run in. */
  public EcsCluster getCluster() {
    return cluster;
  }

  /** The eval task definition. */
  public EcsTaskDefinition getTaskDefinition() {
    return taskDefinition;
  }

  /** The role the eval container runs with: put-only under {@code eval-results/} of the results bucket. */
  public IamRole getTaskRole() {
    return taskRole;
  }

  /** The role ECS starts the task and ships its logs with. */
  public IamRole getExecutionRole() {
    return executionRole;
  }

  /** The eval tasks' security group (outbound HTTPS only). */
  public SecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /** The role the schedules run the task with. */
  public IamRole getSchedulerRole() {
    return schedulerRole;
  }

  /** The log group of the eval containers. */
  public CloudwatchLogGroup getLogGroup() {
    return logGroup;
  }

  /** One schedule per target, in the order given. */
  public List<SchedulerSchedule> getSchedules() {
    return List.copyOf(schedules);
  }

  /**
   * Builds an {@link EvalHarness}; the props setters are {@link EvalHarnessPropsBuilder}'s, plus
   * {@code network}, {@code resultsBucketName}, {@code region} and {@code name}.
   */
  public static final class Builder extends EvalHarnessPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private RegionNetwork network;
    private String resultsBucketName;
    private String region;
    private String name;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts an eval harness {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The network whose private subnets (egress through NAT) run the tasks. Required. */
    public Builder network(RegionNetwork network) {
      this.network = network;
      return this;
    }

    /** Where results go: the name of the hub's or primary's bucket (may be in another region), owned by the caller. Required. */
    public Builder resultsBucketName(String resultsBucketName) {
      this.resultsBucketName = resultsBucketName;
      return this;
    }

    /** The region of the stack's provider. Required. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Prefix of the names Terraform requires (cluster, task definition family, roles, schedules);
     * letters, digits, '-' or '_', unique in the account. @default the construct id
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The harness. */
    public EvalHarness build() {
      return new EvalHarness(scope, id, this);
    }

    private EvalHarnessProps validate(String name) {
      List<EvalTarget> targets = props().targets();
      require(network != null, "network: missing; pass the region's RegionNetwork");
      requireSuite();
      targets.stream().filter(t -> !t.endpointUrl().startsWith("https://")).findFirst()
          .ifPresent(t -> require(false, "targets: " + t.site() + "'s endpoint '" + t.endpointUrl()
              + "' is not HTTPS; the eval tasks may only connect out over HTTPS"));
      require(resultsBucketName != null && !resultsBucketName.isBlank()
              && resultsBucketName.chars().noneMatch(Character::isWhitespace),
          "resultsBucketName: '" + resultsBucketName + "' must be a bucket name, e.g. chat-eval-111111111111-us-east-1");
      RegionCode.require("region", region);
      requireRun();
      int longest = MAX_NAME_LENGTH - SCHEDULER_ROLE_SUFFIX.length();
      require(name.matches("[A-Za-z0-9][A-Za-z0-9_-]*") && name.length() <= longest,
          "name: '" + name + "' must be 1-" + longest + " letters, digits, '-' or '_', starting with a letter or digit");
      targets.stream().map(t -> name + "-" + t.site()).filter(s -> s.length() > MAX_NAME_LENGTH).findFirst()
          .ifPresent(s -> require(false, "targets: the schedule name '" + s + "' is longer than " + MAX_NAME_LENGTH
              + " characters; shorten name or the site"));
      return props();
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
