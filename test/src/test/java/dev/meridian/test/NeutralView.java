package dev.meridian.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.review.inventory.DnsRecord;
import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Resource;
import dev.meridian.review.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a deployment looks like, independent of the engine that synthesized it: one sorted line
 * per fact — stacks and their regions, record sets with routing policy and target, health checks,
 * GPU fleet sizes and types, S3 replication destinations, eval and drill schedules, drills, gateways,
 * pilot-light activations and the rules that trigger or relay them. Two engines agree when their views are
 * equal line for line.
 */
final class NeutralView {

  private static final Pattern REGION_SUFFIX = Pattern.compile("-([a-z]{2}(?:-[a-z]+)+-\\d)(?:/.*)?$");
  private static final Pattern EVAL_SITE = Pattern.compile("SITE\\W+value\\W+([a-z0-9-]+)");
  private static final Pattern BUCKET_PREFIX = Pattern.compile("(?:arn:aws:s3:::)?([a-z0-9-]+?)-(?:\\$\\{[^}]+}|\\d{12})-");

  private NeutralView() {}

  /** The view of one engine's stacks in an inventory. */
  static List<String> of(Inventory inventory, Engine engine) {
    TreeSet<String> lines = new TreeSet<>();
    inventory.stacks().stream().filter(s -> s.engine() == engine)
        .forEach(s -> lines.add("stack " + s.name() + " in " + s.region().orElse("?") + " site " + s.site()));
    for (Resource r : inventory.resources()) {
      if (r.stack().engine() != engine || r.dataSource()) {
        continue;
      }
      String stack = r.stack().name();
      switch (r.kind()) {
        case RECORD_SET -> record(stack, DnsRecord.of(r)).ifPresent(lines::add);
        case HEALTH_CHECK -> lines.add("health check " + stack + " " + healthCheck(r, engine));
        case AUTO_SCALING_GROUP -> lines.add("fleet " + stack + " "
            + number(r, engine, "MinSize", "min_size") + ".." + number(r, engine, "MaxSize", "max_size"));
        case LAUNCH_TEMPLATE -> {
          String type = engine == Engine.CLOUDFORMATION
              ? r.property("LaunchTemplateData", "InstanceType").asText()
              : r.property("instance_type").asText();
          lines.add("instance type " + stack + " " + type);
        }
        default -> {
          replication(stack, r, engine).forEach(lines::add);
          operation(stack, r, engine).ifPresent(lines::add);
        }
      }
    }
    return List.copyOf(lines);
  }

  private static java.util.Optional<String> record(String stack, DnsRecord record) {
    if (!record.type().equals("A")) {
      return java.util.Optional.empty();
    }
    String target = record.aliasTarget().isPresent() ? "alias" : String.join(",", new TreeSet<>(record.values()));
    return java.util.Optional.of("record " + stack + " " + record.name() + " " + record.setIdentifier().orElse("-")
        + " " + record.policy() + " -> " + target + (record.healthCheck().isPresent() ? " checked" : ""));
  }

  private static String healthCheck(Resource r, Engine engine) {
    JsonNode c = engine == Engine.CLOUDFORMATION ? r.property("HealthCheckConfig") : r.properties();
    String type = (engine == Engine.CLOUDFORMATION ? c.path("Type") : c.path("type")).asText();
    String ip = (engine == Engine.CLOUDFORMATION ? c.path("IPAddress") : c.path("ip_address")).asText("");
    String path = (engine == Engine.CLOUDFORMATION ? c.path("ResourcePath") : c.path("resource_path")).asText("");
    return type + (ip.isEmpty() ? "" : " " + ip) + (path.isEmpty() ? "" : " " + path);
  }

  private static String number(Resource r, Engine engine, String cfn, String tf) {
    return (engine == Engine.CLOUDFORMATION ? r.property(cfn) : r.property(tf)).asText();
  }

  /**
   * Scheduled operations and the gateway: {@code schedule STACK EXPRESSION eval SITE} per eval
   * run, {@code schedule STACK EXPRESSION drill}, {@code drill STACK} per FIS experiment template
   * (Terraform creates the GPU-site one through Cloud Control), {@code gateway STACK} per ECS service,
   * {@code standby activation STACK} per state machine, {@code event rule STACK DESCRIPTION}.
   */
  private static java.util.Optional<String> operation(String stack, Resource r, Engine engine) {
    boolean cfn = engine == Engine.CLOUDFORMATION;
    switch (r.type()) {
      case "AWS::Scheduler::Schedule", "aws_scheduler_schedule" -> {
        String expression = (cfn ? r.property("ScheduleExpression") : r.property("schedule_expression")).asText();
        JsonNode target = cfn ? r.property("Target") : r.property("target");
        String input = (cfn ? target.path("Input") : target.path("input")).toString();
        Matcher site = EVAL_SITE.matcher(input);
        return java.util.Optional.of("schedule " + stack + " " + expression + (site.find() ? " eval " + site.group(1) : " drill"));
      }
      case "AWS::FIS::ExperimentTemplate", "aws_fis_experiment_template" -> {
        return java.util.Optional.of("drill " + stack);
      }
      case "aws_cloudcontrolapi_resource" -> {
        return r.property("type_name").asText().equals("AWS::FIS::ExperimentTemplate")
            ? java.util.Optional.of("drill " + stack) : java.util.Optional.empty();
      }
      case "AWS::ECS::Service", "aws_ecs_service" -> {
        return java.util.Optional.of("gateway " + stack);
      }
      case "AWS::StepFunctions::StateMachine", "aws_sfn_state_machine" -> {
        return java.util.Optional.of("standby activation " + stack);
      }
      case "AWS::Events::Rule", "aws_cloudwatch_event_rule" -> {
        String description = (cfn ? r.property("Description") : r.property("description")).asText();
        return java.util.Optional.of("event rule " + stack + " " + description);
      }
      default -> {
        return java.util.Optional.empty();
      }
    }
  }

  /** S3 replication rules anywhere in a resource: {@code replication STACK PREFIX -> REGION}. */
  private static List<String> replication(String stack, Resource r, Engine engine) {
    List<String> lines = new ArrayList<>();
    if (r.kind() != ResourceKind.BUCKET && r.kind() != ResourceKind.BUCKET_REPLICATION) {
      return lines;
    }
    JsonNode rules = engine == Engine.CLOUDFORMATION
        ? r.property("ReplicationConfiguration", "Rules")
        : r.property("rule");
    for (JsonNode rule : rules) {
      JsonNode destination = engine == Engine.CLOUDFORMATION ? rule.path("Destination").path("Bucket")
          : rule.path("destination").path(0).isMissingNode() ? rule.path("destination").path("bucket")
              : rule.path("destination").path(0).path("bucket");
      String bucket = destination.asText();
      Matcher region = REGION_SUFFIX.matcher(bucket);
      Matcher prefix = BUCKET_PREFIX.matcher(bucket);
      lines.add("replication " + stack + " " + (prefix.find() ? prefix.group(1) : bucket) + " -> "
          + (region.find() ? region.group(1) : bucket));
    }
    return lines;
  }
}
