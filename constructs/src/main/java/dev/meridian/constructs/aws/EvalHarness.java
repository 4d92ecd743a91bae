package dev.meridian.constructs.aws;

import dev.meridian.constructs.aws.internal.EncryptedLogGroups;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.EvalHarnessProps;
import dev.meridian.constructs.config.EvalHarnessPropsBuilder;
import dev.meridian.constructs.config.EvalRun;
import dev.meridian.constructs.config.EvalTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;

/**
 * The same evaluation, run on a schedule against every site's endpoint: one ECS Fargate task
 * definition (the eval image at a pinned suite version) in the VPC's private subnets, and per
 * site an EventBridge Scheduler schedule that runs it with that site's endpoint. The container
 * gets {@value EvalRun#TARGET_URL}, {@value EvalRun#SITE}, {@value EvalRun#SUITE_VERSION},
 * {@value EvalRun#RESULTS_BUCKET} and {@value EvalRun#RESULTS_PREFIX}
 * ({@code eval-results/<site>/<suite version>/}, see {@link EvalRun}) and writes its
 * results there; results are derived data (scores, no user content), so the bucket may be in
 * the hub or primary of any jurisdiction. The task may only put objects under
 * {@code eval-results/}; the scheduler may only run this task definition in this cluster.
 *
 * <p>Props — required: {@code vpc}, {@code image}, {@code suiteVersion}, {@code targets} (≥ 1),
 * {@code resultsBucket}. Optional: {@code schedule} {@code rate(1 day)}; {@code cpu} 1024;
 * {@code memoryMiB} 2048; {@code logRetentionDays} 30.
 */
public final class EvalHarness extends Construct {

  private final Cluster cluster;
  private final FargateTaskDefinition taskDefinition;
  private final SecurityGroup securityGroup;
  private final Role schedulerRole;
  private final LogGroup logGroup;
  private final List<CfnSchedule> schedules = new ArrayList<>();

  private EvalHarness(Construct scope, String id, Builder builder) {
    super(scope, id);
    EvalHarnessProps props = builder.validate();
    this.cluster = Cluster.Builder.create(this, "Cluster").vpc(builder.vpc).containerInsightsV2(ContainerInsights.ENABLED).build();
    this.logGroup = EncryptedLogGroups.create(this, "Logs", "eval harness", props.logRetentionDays(), DataClass.DERIVED);
    this.taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
        .cpu(props.cpu())
        .memoryLimitMiB(props.memoryMiB())
        .build();
    taskDefinition.addContainer(EvalRun.CONTAINER, ContainerDefinitionOptions.builder()
        .image(ContainerImage.fromRegistry(props.image()))
        .environment(EvalRun.environment(props.suiteVersion(), builder.resultsBucket.getBucketName()))
        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logGroup).streamPrefix(EvalRun.LOG_STREAM_PREFIX).build()))
        .build());
    builder.resultsBucket.grantPut(taskDefinition.getTaskRole(), EvalRun.RESULTS_ROOT + "*");
    this.securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
        .vpc(builder.vpc)
        .description("Eval tasks: outbound HTTPS only, to the endpoints, the image registry and AWS APIs")
        .allowAllOutbound(false)
        .build();
    securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to the endpoints, the image registry and AWS APIs");

    this.schedulerRole = Role.Builder.create(this, "SchedulerRole")
        .assumedBy(ServicePrincipal.Builder.create("scheduler.amazonaws.com")
            .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
            .build())
        .description("EventBridge Scheduler: run the eval task")
        .build();
    schedulerRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("ecs:RunTask"))
        .resources(List.of(taskDefinition.getTaskDefinitionArn()))
        .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", cluster.getClusterArn())))
        .build());
    schedulerRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("iam:PassRole"))
        .resources(List.of(taskDefinition.getTaskRole().getRoleArn(), taskDefinition.obtainExecutionRole().getRoleArn()))
        .build());

    List<String> subnets = builder.vpc.selectSubnets(SubnetSelection.builder()
        .subnetType(SubnetType.PRIVATE_WITH_EGRESS).build()).getSubnetIds();
    for (EvalTarget target : props.targets()) {
      schedules.add(CfnSchedule.Builder.create(this, "Schedule-" + target.site())
          .description("Eval suite " + props.suiteVersion() + " against " + target.site())
          .scheduleExpression(props.schedule())
          .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
          .state("ENABLED")
          .target(CfnSchedule.TargetProperty.builder()
              .arn(cluster.getClusterArn())
              .roleArn(schedulerRole.getRoleArn())
              .input(EvalRun.containerOverrides(target, props.suiteVersion()))
              .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(0).build())
              .ecsParameters(CfnSchedule.EcsParametersProperty.builder()
                  .taskDefinitionArn(taskDefinition.getTaskDefinitionArn())
                  .launchType("FARGATE")
                  .taskCount(1)
                  .networkConfiguration(CfnSchedule.NetworkConfigurationProperty.builder()
                      .awsvpcConfiguration(CfnSchedule.AwsVpcConfigurationProperty.builder()
                          .subnets(subnets)
                          .securityGroups(List.of(securityGroup.getSecurityGroupId()))
                          .assignPublicIp("DISABLED")
                          .build())
                      .build())
                  .build())
              .build())
          .build());
    }
  }

  /** The ECS cluster the eval tasks run in. */
  public Cluster getCluster() {
    return cluster;
  }

  /** The eval task definition. */
  public FargateTaskDefinition getTaskDefinition() {
    return taskDefinition;
  }

  /** The eval tasks' security group (outbound only). */
  public SecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /** The role the schedules run the task with. */
  public Role getSchedulerRole() {
    return schedulerRole;
  }

  /** The log group of the eval containers. */
  public LogGroup getLogGroup() {
    return logGroup;
  }

  /** One schedule per target, in the order given. */
  public List<CfnSchedule> getSchedules() {
    return List.copyOf(schedules);
  }

  /**
   * Builds an {@link EvalHarness}; the props setters are {@link EvalHarnessPropsBuilder}'s, plus
   * {@code vpc} and {@code resultsBucket}.
   */
  public static final class Builder extends EvalHarnessPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private IVpc vpc;
    private IBucket resultsBucket;

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

    /** The VPC whose private subnets (with egress) run the tasks. Required. */
    public Builder vpc(IVpc vpc) {
      this.vpc = vpc;
      return this;
    }

    /** Where results go: the hub's or primary's bucket (may be in another region). Required. */
    public Builder resultsBucket(IBucket resultsBucket) {
      this.resultsBucket = resultsBucket;
      return this;
    }

    /** The harness. */
    public EvalHarness build() {
      return new EvalHarness(scope, id, this);
    }

    private EvalHarnessProps validate() {
      require(vpc != null, "vpc: missing; pass the region's VPC");
      requireSuite();
      require(resultsBucket != null, "resultsBucket: missing; pass the hub's or primary's results bucket");
      requireRun();
      return props();
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
