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

  /**
   * A trust policy letting one AWS service assume the role when the condition holds, e.g.
   * {@code Map.of("StringEquals", Map.of("aws:SourceAccount", account))}.
   */
  static String assumedBy(String servicePrincipal, Map<String, ? extends Map<String, ?>> condition) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Principal", Map.of("Service", servicePrincipal));
    statement.put("Action", "sts:AssumeRole");
    return document(List.of(withCondition(statement, condition)));
  }

  /** A policy allowing the actions on the resources (which may hold Terraform references). */
  static String allow(List<String> actions, List<String> resources) {
    return allow(actions, resources, Map.of());
  }

  /** A policy allowing the actions on the resources when the condition holds (operator, then key and value). */
  static String allow(List<String> actions, List<String> resources, Map<String, ? extends Map<String, ?>> condition) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Action", actions);
    statement.put("Resource", resources);
    return document(List.of(withCondition(statement, condition)));
  }

  private static Map<String, Object> withCondition(Map<String, Object> statement, Map<String, ? extends Map<String, ?>> condition) {
    if (!condition.isEmpty()) {
      Map<String, Object> sorted = new TreeMap<>();
      condition.forEach((operator, entries) -> sorted.put(operator, new TreeMap<>(entries)));
      statement.put("Condition", sorted);
    }
    return statement;
  }

  private static String document(List<Map<String, Object>> statements) {
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
