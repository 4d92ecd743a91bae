package dev.meridian.constructs.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterConfig;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceConfig;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionConfig;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionRuntimePlatform;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRule;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleAction;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleCondition;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHttpHeader;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionPathPattern;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConfig;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupConfig;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupEgress;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameterConfig;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRuleConfig;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.FallbackProvider;
import dev.meridian.constructs.config.GatewayConfig;
import dev.meridian.constructs.config.GatewayTask;
import dev.meridian.constructs.config.HostedApiFallbackProps;
import dev.meridian.constructs.config.HostedApiFallbackPropsBuilder;
import dev.meridian.constructs.config.RegionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * A gateway in front of the GPU fleet that answers from the self-hosted model first and from a
 * hosted API when that fails, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.HostedApiFallback}. A LiteLLM proxy
 * ({@link GatewayConfig#IMAGE}, pinned by digest) as an ECS Fargate service in the network's
 * private subnets, run as {@link GatewayTask} says, with a deployment circuit breaker that rolls
 * back a deployment whose tasks do not become healthy. Two rules join the fleet's HTTPS
 * listener: requests carrying the routing header ({@value GatewayConfig#ROUTE_HEADER}) go to the
 * fleet (priority {@code rulePriority}) — that is how the gateway's own calls reach the
 * self-hosted model through the same name and certificate — and {@code /v1/*} goes to the
 * gateway (priority {@code rulePriority + 1}); everything else keeps the listener's default.
 *
 * <p>Access: the gateway port only from the load balancer's security group, to which this
 * construct adds the matching egress rule (an {@code aws_vpc_security_group_egress_rule}, so the
 * load balancer's group must keep its own rules in rule resources too, not inline); the tasks
 * reach out over HTTPS only (the fleet's public name, Bedrock, the image registry, AWS APIs).
 *
 * <p>Config and secrets: the {@link GatewayConfig} YAML (no keys: environment references) is the
 * SSM parameter {@code /meridian/<name>/gateway/config}; the master key (clients send
 * {@code sk-<value>}) is the secret {@code meridian/<name>/gateway/master-key}, generated once by
 * Secrets Manager at the first plan and kept out of the Terraform JSON (later plans ignore it); an
 * API provider's key comes from the secret ARN given. The execution role may read exactly these
 * and write the log stream; for Bedrock the task role may invoke only the fallback model, only in
 * the fallback region. Which region may receive the prompts is checked by the blueprints, not here.
 *
 * <p>Data it keeps: the gateway's logs, in a log group encrypted with its own KMS key, tagged
 * {@code meridian:data-class=user}, both kept by {@code prevent_destroy}; the master key secret
 * is tagged {@code user} too (it opens users' prompts).
 *
 * <p>Props — required: {@code network}, {@code listenerArn}, {@code loadBalancerSecurityGroupId},
 * {@code fleetTargetGroupArn}, {@code modelName}, {@code selfHostedApiBase}, {@code fallback},
 * {@code region} (the stack's region); {@code fallbackApiKeyArn} for an OpenAI-compatible fallback.
 * Optional: {@code name} the construct id (ECS cluster, service and task family; parameter and
 * secret paths); {@code rulePriority} 100 (uses it and the next); {@code retries} 1;
 * {@code desiredCount} 2; {@code cpu} 512; {@code memoryMiB} 1024; {@code logRetentionDays} 30.
 */
public final class HostedApiFallback extends Construct {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GatewayConfig config;
  private final SsmParameter configParameter;
  private final SecretsmanagerSecret masterKey;
  private final CloudwatchLogGroup logGroup;
  private final EcsCluster cluster;
  private final IamRole taskRole;
  private final EcsTaskDefinition taskDefinition;
  private final SecurityGroup securityGroup;
  private final LbTargetGroup targetGroup;
  private final LbListenerRule selfHostedRule;
  private final LbListenerRule gatewayRule;
  private final EcsService service;

  private HostedApiFallback(Construct scope, String id, Builder builder) {
    super(scope, id);
    HostedApiFallbackProps props = builder.validate();
    String name = builder.name != null ? builder.name : id;
    this.config = props.gatewayConfig();
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();

    this.configParameter = new SsmParameter(this, "Config", SsmParameterConfig.builder()
        .name("/meridian/" + name + "/gateway/config")
        .description("LiteLLM gateway configuration (no keys: they are environment references)")
        .type("String")
        .value(config.yaml())
        .build());
    GeneratedSecret generatedMasterKey = GeneratedSecret.create(this, "MasterKey", "meridian/" + name + "/gateway/master-key",
        "LiteLLM gateway master key; clients send sk-<value>", DataClass.USER, 40);
    this.masterKey = generatedMasterKey.secret();
    this.logGroup = EncryptedLogGroups.create(this, "Logs", "hosted-API gateway", account, builder.region,
        props.logRetentionDays(), DataClass.USER);

    this.cluster = new EcsCluster(this, "Cluster", EcsClusterConfig.builder()
        .name(name)
        .setting(List.of(EcsClusterSetting.builder().name("containerInsights").value("enabled").build()))
        .build());

    List<ITerraformDependable> rolePolicies = new ArrayList<>();
    this.taskRole = new IamRole(this, "TaskRole", IamRoleConfig.builder()
        .description("Hosted-API gateway tasks: invoke the fallback model")
        .assumeRolePolicy(PolicyDocuments.assumedBy("ecs-tasks.amazonaws.com"))
        .build());
    if (props.fallback() instanceof FallbackProvider.Bedrock bedrock) {
      rolePolicies.add(allow(taskRole, "TaskRoleBedrock", GatewayTask.BEDROCK_ACTIONS, List.of(bedrock.modelArn())));
    }
    IamRole executionRole = new IamRole(this, "ExecutionRole", IamRoleConfig.builder()
        .description("Hosted-API gateway: start tasks with their configuration and keys, write their logs")
        .assumeRolePolicy(PolicyDocuments.assumedBy("ecs-tasks.amazonaws.com"))
        .build());
    Map<String, String> secrets = GatewayTask.secrets(props.fallback(), configParameter.getArn(), masterKey.getArn(),
        builder.fallbackApiKeyArn);
    rolePolicies.add(allow(executionRole, "ExecutionRoleConfig", List.of("ssm:GetParameters"),
        List.of(configParameter.getArn())));
    List<String> keyArns = new ArrayList<>(List.of(masterKey.getArn()));
    if (builder.fallbackApiKeyArn != null) {
      keyArns.add(builder.fallbackApiKeyArn);
    }
    rolePolicies.add(allow(executionRole, "ExecutionRoleSecrets", List.of("secretsmanager:GetSecretValue"), keyArns));
    rolePolicies.add(allow(executionRole, "ExecutionRoleLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
        List.of(logGroup.getArn() + ":*")));

    this.taskDefinition = new EcsTaskDefinition(this, "Task", EcsTaskDefinitionConfig.builder()
        .family(name)
        .requiresCompatibilities(List.of("FARGATE"))
        .networkMode("awsvpc")
        .cpu(String.valueOf(props.cpu()))
        .memory(String.valueOf(props.memoryMiB()))
        .runtimePlatform(EcsTaskDefinitionRuntimePlatform.builder()
            .cpuArchitecture("X86_64").operatingSystemFamily("LINUX").build())
        .executionRoleArn(executionRole.getArn())
        .taskRoleArn(taskRole.getArn())
        .containerDefinitions(containerDefinitions(secrets, logGroup.getName(), builder.region))
        .build());

    this.securityGroup = new SecurityGroup(this, "SecurityGroup", SecurityGroupConfig.builder()
        .vpcId(builder.network.getVpc().getId())
        .description("Hosted-API gateway tasks: LiteLLM from the load balancer only; HTTPS out")
        .ingress(List.of(SecurityGroupIngress.builder().description("LiteLLM from the load balancer")
            .protocol("tcp").fromPort(GatewayConfig.PORT).toPort(GatewayConfig.PORT)
            .securityGroups(List.of(builder.loadBalancerSecurityGroupId)).build()))
        .egress(List.of(SecurityGroupEgress.builder().description("HTTPS: the fleet, the fallback API, images, AWS APIs")
            .protocol("tcp").fromPort(443).toPort(443).cidrBlocks(List.of("0.0.0.0/0")).build()))
        .build());
    new VpcSecurityGroupEgressRule(this, "LoadBalancerToGateway", VpcSecurityGroupEgressRuleConfig.builder()
        .securityGroupId(builder.loadBalancerSecurityGroupId)
        .description("LiteLLM on the hosted-API gateway tasks")
        .ipProtocol("tcp")
        .fromPort(GatewayConfig.PORT)
        .toPort(GatewayConfig.PORT)
        .referencedSecurityGroupId(securityGroup.getId())
        .build());

    this.targetGroup = new LbTargetGroup(this, "TargetGroup", LbTargetGroupConfig.builder()
        .vpcId(builder.network.getVpc().getId())
        .port(GatewayConfig.PORT)
        .protocol("HTTP")
        .targetType("ip")
        .healthCheck(LbTargetGroupHealthCheck.builder()
            .path(GatewayConfig.HEALTH_PATH).protocol("HTTP").matcher("200").build())
        .build());
    this.selfHostedRule = new LbListenerRule(this, "SelfHostedRule", LbListenerRuleConfig.builder()
        .listenerArn(builder.listenerArn)
        .priority(props.rulePriority())
        .condition(List.of(LbListenerRuleCondition.builder()
            .httpHeader(LbListenerRuleConditionHttpHeader.builder()
                .httpHeaderName(GatewayConfig.ROUTE_HEADER).values(List.of(GatewayConfig.ROUTE_SELF_HOSTED)).build())
            .build()))
        .action(List.of(LbListenerRuleAction.builder().type("forward").targetGroupArn(builder.fleetTargetGroupArn).build()))
        .build());
    this.gatewayRule = new LbListenerRule(this, "GatewayRule", LbListenerRuleConfig.builder()
        .listenerArn(builder.listenerArn)
        .priority(props.rulePriority() + 1)
        .condition(List.of(LbListenerRuleCondition.builder()
            .pathPattern(LbListenerRuleConditionPathPattern.builder().values(List.of(GatewayTask.CLIENT_PATH_PATTERN)).build())
            .build()))
        .action(List.of(LbListenerRuleAction.builder().type("forward").targetGroupArn(targetGroup.getArn()).build()))
        .build());

    // ECS attaches tasks only to a target group the load balancer already uses, and the first
    // tasks need their roles' permissions and the master key's value, or the breaker rolls back.
    List<ITerraformDependable> startAfter = new ArrayList<>(List.of(gatewayRule, generatedMasterKey.version()));
    startAfter.addAll(rolePolicies);
    this.service = new EcsService(this, "Service", EcsServiceConfig.builder()
        .name(name)
        .cluster(cluster.getArn())
        .taskDefinition(taskDefinition.getArn())
        .desiredCount(props.desiredCount())
        .launchType("FARGATE")
        .networkConfiguration(EcsServiceNetworkConfiguration.builder()
            .subnets(builder.network.privateSubnetIds())
            .securityGroups(List.of(securityGroup.getId()))
            .assignPublicIp(false)
            .build())
        .loadBalancer(List.of(EcsServiceLoadBalancer.builder()
            .targetGroupArn(targetGroup.getArn())
            .containerName(GatewayTask.CONTAINER)
            .containerPort(GatewayConfig.PORT)
            .build()))
        .healthCheckGracePeriodSeconds(GatewayTask.HEALTH_CHECK_GRACE_SECONDS)
        .deploymentMinimumHealthyPercent(GatewayTask.MIN_HEALTHY_PERCENT)
        .deploymentMaximumPercent(200)
        .deploymentCircuitBreaker(EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .dependsOn(startAfter)
        .build());
  }

  private IamRolePolicy allow(IamRole role, String id, List<String> actions, List<String> resources) {
    return new IamRolePolicy(this, id, IamRolePolicyConfig.builder()
        .role(role.getId()).policy(PolicyDocuments.allow(actions, resources)).build());
  }

  /** The ECS container definitions JSON: one container, its variables, secrets by ARN and awslogs. */
  private static String containerDefinitions(Map<String, String> secrets, String logGroupName, String region) {
    ObjectNode container = JSON.createObjectNode();
    container.put("name", GatewayTask.CONTAINER);
    container.put("image", GatewayConfig.IMAGE);
    container.put("essential", true);
    GatewayTask.ENTRY_POINT.forEach(container.putArray("entryPoint")::add);
    GatewayTask.COMMAND.forEach(container.putArray("command")::add);
    ArrayNode environment = container.putArray("environment");
    new TreeMap<>(GatewayTask.ENVIRONMENT).forEach((variable, value) ->
        environment.addObject().put("name", variable).put("value", value));
    ArrayNode secretVariables = container.putArray("secrets");
    secrets.forEach((variable, arn) -> secretVariables.addObject().put("name", variable).put("valueFrom", arn));
    container.putArray("portMappings").addObject().put("containerPort", GatewayConfig.PORT).put("protocol", "tcp");
    ObjectNode logging = container.putObject("logConfiguration");
    logging.put("logDriver", "awslogs");
    logging.putObject("options")
        .put("awslogs-group", logGroupName)
        .put("awslogs-region", region)
        .put("awslogs-stream-prefix", GatewayTask.LOG_STREAM_PREFIX);
    try {
      return JSON.writeValueAsString(JSON.createArrayNode().add(container));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("container definitions of plain nodes always serialize", e);
    }
  }

  /** The generated gateway configuration. */
  public GatewayConfig getConfig() {
    return config;
  }

  /** The SSM parameter holding the configuration YAML. */
  public SsmParameter getConfigParameter() {
    return configParameter;
  }

  /** The secret holding the master key (clients send {@code sk-<value>}). */
  public SecretsmanagerSecret getMasterKey() {
    return masterKey;
  }

  /** The ECS cluster. */
  public EcsCluster getCluster() {
    return cluster;
  }

  /** The tasks' role: grant it what the gateway itself calls. */
  public IamRole getTaskRole() {
    return taskRole;
  }

  /** The gateway's task definition. */
  public EcsTaskDefinition getTaskDefinition() {
    return taskDefinition;
  }

  /** The tasks' security group. */
  public SecurityGroup getSecurityGroup() {
    return securityGroup;
  }

  /** The gateway's service. */
  public EcsService getService() {
    return service;
  }

  /** The target group of the gateway's tasks. */
  public LbTargetGroup getTargetGroup() {
    return targetGroup;
  }

  /** The rule sending {@code /v1/*} to the gateway. */
  public LbListenerRule getGatewayRule() {
    return gatewayRule;
  }

  /** The rule sending the gateway's own calls to the fleet. */
  public LbListenerRule getSelfHostedRule() {
    return selfHostedRule;
  }

  /** The gateway's log group. */
  public CloudwatchLogGroup getLogGroup() {
    return logGroup;
  }

  /**
   * Builds a {@link HostedApiFallback}; the props setters are {@link HostedApiFallbackPropsBuilder}'s,
   * plus {@code network}, {@code listenerArn}, {@code loadBalancerSecurityGroupId},
   * {@code fleetTargetGroupArn}, {@code fallbackApiKeyArn}, {@code region} and {@code name}.
   */
  public static final class Builder extends HostedApiFallbackPropsBuilder<Builder> {
    private final Construct scope;
    private final String id;
    private RegionNetwork network;
    private String listenerArn;
    private String loadBalancerSecurityGroupId;
    private String fleetTargetGroupArn;
    private String fallbackApiKeyArn;
    private String region;
    private String name;

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

    /** The fleet's network: the gateway runs in its private subnets. Required. */
    public Builder network(RegionNetwork network) {
      this.network = network;
      return this;
    }

    /** The fleet's HTTPS listener, e.g. {@code fleet.getHttpsListener().getArn()}. Required. */
    public Builder listenerArn(String listenerArn) {
      this.listenerArn = listenerArn;
      return this;
    }

    /** The fleet load balancer's security group, e.g. {@code fleet.getLoadBalancerSecurityGroup().getId()}. Required. */
    public Builder loadBalancerSecurityGroupId(String loadBalancerSecurityGroupId) {
      this.loadBalancerSecurityGroupId = loadBalancerSecurityGroupId;
      return this;
    }

    /** The fleet's target group, e.g. {@code fleet.getTargetGroup().getArn()}. Required. */
    public Builder fleetTargetGroupArn(String fleetTargetGroupArn) {
      this.fleetTargetGroupArn = fleetTargetGroupArn;
      return this;
    }

    /** ARN of the secret holding an OpenAI-compatible provider's API key. Required for such a provider; @default none */
    public Builder fallbackApiKeyArn(String fallbackApiKeyArn) {
      this.fallbackApiKeyArn = fallbackApiKeyArn;
      return this;
    }

    /** The region of the stack's provider. Required. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Name of the ECS cluster, service and task family, and in the parameter and secret paths. @default the construct id */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The gateway. */
    public HostedApiFallback build() {
      return new HostedApiFallback(scope, id, this);
    }

    private HostedApiFallbackProps validate() {
      require(network != null, "network: missing; pass the fleet's RegionNetwork");
      require(present(listenerArn), "listenerArn: missing; pass the fleet's HTTPS listener (fleet.getHttpsListener().getArn())");
      require(present(loadBalancerSecurityGroupId),
          "loadBalancerSecurityGroupId: missing; pass the fleet's (fleet.getLoadBalancerSecurityGroup().getId())");
      require(present(fleetTargetGroupArn), "fleetTargetGroupArn: missing; pass the fleet's (fleet.getTargetGroup().getArn())");
      requireFallback("fallbackApiKeyArn", fallbackApiKeyArn != null);
      require(fallbackApiKeyArn == null || Token.isUnresolved(fallbackApiKeyArn)
              || fallbackApiKeyArn.matches("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:\\S+"),
          "fallbackApiKeyArn: '" + fallbackApiKeyArn + "' is not a Secrets Manager secret ARN");
      RegionCode.require("region", region);
      String effectiveName = name != null ? name : id;
      require(effectiveName.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}"), "name: '" + effectiveName
          + "' must be 1-64 letters, digits, '-' or '_' (it names the ECS cluster, service and task family); set name");
      requireSizes();
      return props();
    }

    private static boolean present(String value) {
      return value != null && !value.isBlank();
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
