package dev.meridian.constructs.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** IAM policy documents as JSON strings, keys in a fixed order so synthesis is byte-stable. */
final class PolicyDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  /** A trust policy letting one AWS service assume the role. */
  static String assumedBy(String servicePrincipal) {
    return assumedBy(servicePrincipal, Map.of());
  }

  /** A trust policy letting one AWS service assume the role when the conditions hold (operator → key → value). */
  static String assumedBy(String servicePrincipal, Map<String, Map<String, String>> conditions) {
    return document(List.of(statement(Map.of("Service", servicePrincipal), "sts:AssumeRole", null, conditions)));
  }

  /** A policy allowing the actions on the resources (which may hold Terraform references). */
  static String allow(List<String> actions, List<String> resources) {
    return allow(actions, resources, Map.of());
  }

  /** A policy allowing the actions on the resources when the conditions hold (operator → key → value). */
  static String allow(List<String> actions, List<String> resources, Map<String, Map<String, String>> conditions) {
    return document(List.of(statement(null, actions, resources, conditions)));
  }

  /**
   * One Allow statement: {@code principal} null in an identity policy, {@code actions} and
   * {@code resources} a string or a list, {@code resources} null in a trust policy, no
   * {@code Condition} when {@code conditions} is empty (sorted, so any map gives stable JSON).
   */
  static Map<String, Object> statement(Map<String, String> principal, Object actions, Object resources,
      Map<String, Map<String, String>> conditions) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    if (principal != null) {
      statement.put("Principal", principal);
    }
    statement.put("Action", actions);
    if (resources != null) {
      statement.put("Resource", resources);
    }
    if (!conditions.isEmpty()) {
      Map<String, Map<String, String>> sorted = new TreeMap<>();
      conditions.forEach((operator, keys) -> sorted.put(operator, new TreeMap<>(keys)));
      statement.put("Condition", sorted);
    }
    return statement;
  }

  /** One Deny statement refusing every S3 request to the resources not made over TLS (a bucket's {@code enforceSsl}). */
  static Map<String, Object> denyInsecureTransport(List<String> resources) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Deny");
    statement.put("Principal", Map.of("AWS", "*"));
    statement.put("Action", "s3:*");
    statement.put("Resource", resources);
    statement.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
    return statement;
  }

  /** The policy document of the statements. */
  static String document(List<Map<String, Object>> statements) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("policy document of plain maps and lists always serializes", e);
    }
  }
}
