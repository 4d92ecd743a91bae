package dev.meridian.constructs.aws;

import dev.meridian.constructs.aws.internal.EncryptedLogGroups;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.FallbackProvider;
import dev.meridian.constructs.config.GatewayConfig;
import dev.meridian.constructs.config.GatewayTask;
import dev.meridian.constructs.config.HostedApiFallbackProps;
import dev.meridian.constructs.config.HostedApiFallbackPropsBuilder;
import dev.meridian.constructs.config.TagKeys;
import software.amazon.awscdk.Tags;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * A gateway in front of the GPU fleet that answers from the self-hosted model first and from
 * a hosted API when that fails: a LiteLLM proxy ({@link GatewayConfig#IMAGE}, pinned by digest)
 * as an ECS Fargate service in the VPC's private subnets, behind the fleet's own HTTPS
 * listener. Two listener rules are added: requests for {@code /v1/*} go to the gateway, and
 * requests carrying the gateway's routing header ({@value GatewayConfig#ROUTE_HEADER}) go
 * straight to the fleet — that is how the gateway's own calls to the self-hosted model reach
 * it through the same name and certificate. Everything else (the health path Route 53 checks)
 * keeps going to the fleet.
 *
 * <p>Config and secrets: the {@link GatewayConfig} YAML is an SSM parameter (it holds no key);
 * the proxy's master key is generated in Secrets Manager (clients send {@code sk-<secret value>}
 * as bearer token); an API provider's key comes from the secret given. For Bedrock the task
 * role may invoke only the fallback model, only in the fallback region. Which region may
 * receive the prompts is checked by the blueprints' residency model, not here.
 *
 * <p>Props — required: {@code vpc}, {@code listener}, {@code fleetTargetGroup},
 * {@code modelName}, {@code selfHostedApiBase}, {@code fallback}; {@code fallbackApiKey} for
 * an OpenAI-compatible fallback. Optional: {@code rulePriority} 100 (uses it and the next);
 * {@code retries} 1; {@code desiredCount} 2; {@code cpu} 512; {@code memoryMiB} 1024;
 * {@code logRetentionDays} 30.
 */
public final class HostedApiFallback extends Construct {

  private final GatewayConfig config;
  private final StringParameter configParameter;
  private final ISecret masterKey;
  private final Cluster cluster;
  private final FargateTaskDefinition taskDefinition;
  private final FargateService service;
  private final ApplicationTargetGroup targetGroup;
  private final ApplicationListenerRule gatewayRule;
  private final ApplicationListenerRule selfHostedRule;
  private final LogGroup logGroup;

  private HostedApiFallback(Construct scope, String id, Builder builder) {
    super(scope, id);
    HostedApiFallbackProps props = builder.validate();
    this.config = props.gatewayConfig();
    this.configParameter = StringParameter.Builder.create(this, "Config")
        .description("LiteLLM gateway configuration (no keys: they are environment references)")
        .stringValue(config.yaml())
        .build();
    this.masterKey = software.amazon.awscdk.services.secretsmanager.Secret.Builder.create(this, "MasterKey")
        .description("LiteLLM gateway master key; clients send sk-<value>")
        .generateSecretString(SecretStringGenerator.builder().passwordLength(40).excludePunctuation(true).build())
        .build();
    // A credential is tagged with the class of the data it guards: this key opens users' prompts.
    Tags.of(masterKey).add(TagKeys.DATA_CLASS, DataClass.USER.tagValue());
    this.logGroup = EncryptedLogGroups.create(this, "Logs", "hosted-API gateway", props.logRetentionDays(), DataClass.USER);

    this.cluster = Cluster.Builder.create(this, "Cluster").vpc(builder.vpc).containerInsightsV2(ContainerInsights.ENABLED).build();
    this.taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
        .cpu(props.cpu())
        .memoryLimitMiB(props.memoryMiB())
        .runtimePlatform(RuntimePlatform.builder()
            .cpuArchitecture(CpuArchitecture.X86_64)
            .operatingSystemFamily(OperatingSystemFamily.LINUX)
            .build())
        .build();
    Map<String, Secret> secrets = GatewayTask.secrets(props.fallback(), Secret.fromSsmParameter(configParameter),
        Secret.fromSecretsManager(masterKey),
        builder.fallbackApiKey == null ? null : Secret.fromSecretsManager(builder.fallbackApiKey));
    taskDefinition.addContainer(GatewayTask.CONTAINER, ContainerDefinitionOptions.builder()
        .image(ContainerImage.fromRegistry(GatewayConfig.IMAGE))
        .entryPoint(GatewayTask.ENTRY_POINT)
        .command(GatewayTask.COMMAND)
        .environment(GatewayTask.ENVIRONMENT)
        .secrets(secrets)
        .portMappings(List.of(PortMapping.builder().containerPort(GatewayConfig.PORT).build()))
        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logGroup).streamPrefix(GatewayTask.LOG_STREAM_PREFIX).build()))
        .build());
    if (props.fallback() instanceof FallbackProvider.Bedrock bedrock) {
      taskDefinition.getTaskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(GatewayTask.BEDROCK_ACTIONS)
          .resources(List.of(bedrock.modelArn()))
          .build());
    }

    SecurityGroup tasks = SecurityGroup.Builder.create(this, "SecurityGroup")
        .vpc(builder.vpc)
        .description("Gateway tasks: LiteLLM from the load balancer; outbound HTTPS only (the fleet's API, the hosted API)")
        .allowAllOutbound(false)
        .build();
    tasks.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to the fleet's API, the hosted API, the image registry and AWS APIs");
    this.service = FargateService.Builder.create(this, "Service")
        .cluster(cluster)
        .securityGroups(List.of(tasks))
        .taskDefinition(taskDefinition)
        .desiredCount(props.desiredCount())
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
        .assignPublicIp(false)
        .healthCheckGracePeriod(Duration.seconds(GatewayTask.HEALTH_CHECK_GRACE_SECONDS))
        .minHealthyPercent(GatewayTask.MIN_HEALTHY_PERCENT)
        .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .build();
    service.getConnections().allowFrom(builder.listener, Port.tcp(GatewayConfig.PORT), "LiteLLM from the load balancer");

    this.targetGroup = ApplicationTargetGroup.Builder.create(this, "TargetGroup")
        .vpc(builder.vpc)
        .port(GatewayConfig.PORT)
        .protocol(ApplicationProtocol.HTTP)
        .targetType(TargetType.IP)
        .targets(List.of(service))
        .healthCheck(HealthCheck.builder().path(GatewayConfig.HEALTH_PATH).healthyHttpCodes("200").build())
        .build();
    this.selfHostedRule = ApplicationListenerRule.Builder.create(this, "SelfHostedRule")
        .listener(builder.listener)
        .priority(props.rulePriority())
        .conditions(List.of(ListenerCondition.httpHeader(GatewayConfig.ROUTE_HEADER, List.of(GatewayConfig.ROUTE_SELF_HOSTED))))
        .action(ListenerAction.forward(List.of(builder.fleetTargetGroup)))
        .build();
    this.gatewayRule = ApplicationListenerRule.Builder.create(this, "GatewayRule")
        .listener(builder.listener)
        .priority(props.rulePriority() + 1)
        .conditions(List.of(ListenerCondition.pathPatterns(List.of(GatewayTask.CLIENT_PATH_PATTERN))))
        .action(ListenerAction.forward(List.of(targetGroup)))
        .build();
  }

  /** The generated gateway configuration. */
  public GatewayConfig getConfig() {
    return config;
  }

  /** The SSM parameter holding the configuration YAML. */
  public StringParameter getConfigParameter() {
    return configParameter;
  }

  /** The secret holding the master key (clients send {@code sk-<value>}). */
  public ISecret getMasterKey() {
    return masterKey;
  }

  /** The ECS cluster. */
  public Cluster getCluster() {
    return cluster;
  }

  /** The gateway's task definition. */
  public FargateTaskDefinition getTaskDefinition() {
    return taskDefinition;
  }

  /** The gateway's service. */
  public FargateService getService() {
    return service;
  }

  /** The target group of the gateway's tasks. */
  public ApplicationTargetGroup getTargetGroup() {
    return targetGroup;
  }

  /** The rule sending {@code /v1/*} to the gateway. */
  public ApplicationListenerRule getGatewayRule() {
    return gatewayRule;
  }

  /** The rule sending the gateway's own calls to the fleet. */
  public ApplicationListenerRule getSelfHostedRule() {
    return selfHostedRule;
  }

  /** The gateway's log group. */
  public LogGroup getLogGroup() {
    return logGroup;
  }

  /**
   * Builds a {@link HostedApiFallback}; the props setters are {@link HostedApiFallbackPropsBuilder}'s,
   * plus {@code vpc}, {@code listener}, {@code fleetTargetGroup} and {@code fallbackApiKey}.
   */
  public static final class Builder extends HostedApiFallbackPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private IVpc vpc;
    private IApplicationListener listener;
    private IApplicationTargetGroup fleetTargetGroup;
    private ISecret fallbackApiKey;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a gateway {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The VPC whose private subnets (with egress) run the gateway. Required. */
    public Builder vpc(IVpc vpc) {
      this.vpc = vpc;
      return this;
    }

    /** The fleet's HTTPS listener, e.g. {@code GpuFleet.getHttpsListener()}. Required. */
    public Builder listener(IApplicationListener listener) {
      this.listener = listener;
      return this;
    }

    /** The fleet's target group, e.g. {@code GpuFleet.getTargetGroup()}. Required. */
    public Builder fleetTargetGroup(IApplicationTargetGroup fleetTargetGroup) {
      this.fleetTargetGroup = fleetTargetGroup;
      return this;
    }

    /** The secret holding an OpenAI-compatible provider's API key. Required for such a provider; @default none */
    public Builder fallbackApiKey(ISecret fallbackApiKey) {
      this.fallbackApiKey = fallbackApiKey;
      return this;
    }

    /** The gateway. */
    public HostedApiFallback build() {
      return new HostedApiFallback(scope, id, this);
    }

    private HostedApiFallbackProps validate() {
      require(vpc != null, "vpc: missing; pass the fleet's VPC");
      require(listener != null, "listener: missing; pass the fleet's HTTPS listener (GpuFleet.getHttpsListener())");
      require(fleetTargetGroup != null, "fleetTargetGroup: missing; pass the fleet's target group (GpuFleet.getTargetGroup())");
      requireFallback("fallbackApiKey", fallbackApiKey != null);
      requireSizes();
      return props();
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
