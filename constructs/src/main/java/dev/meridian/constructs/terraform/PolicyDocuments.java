package dev.meridian.constructs.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM policy documents as JSON strings, keys in a fixed order so synthesis is byte-stable. */
final class PolicyDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  /** A trust policy letting one AWS service assume the role. */
  static String assumedBy(String servicePrincipal) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Principal", Map.of("Service", servicePrincipal));
    statement.put("Action", "sts:AssumeRole");
    return document(List.of(statement));
  }

  /** A policy allowing the actions on the resources (which may hold Terraform references). */
  static String allow(List<String> actions, List<String> resources) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Action", actions);
    statement.put("Resource", resources);
    return document(List.of(statement));
  }

  /**
   * A KMS key policy: the account's IAM policies govern the key, and one AWS service may use it
   * for the actions where the {@code ArnLike} condition on {@code contextKey} holds.
   */
  static String keyPolicy(String account, String servicePrincipal, List<String> actions, String contextKey, String arnPattern) {
    Map<String, Object> administration = new LinkedHashMap<>();
    administration.put("Effect", "Allow");
    administration.put("Principal", Map.of("AWS", "arn:aws:iam::" + account + ":root"));
    administration.put("Action", "kms:*");
    administration.put("Resource", "*");
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("Effect", "Allow");
    service.put("Principal", Map.of("Service", servicePrincipal));
    service.put("Action", actions);
    service.put("Resource", "*");
    service.put("Condition", Map.of("ArnLike", Map.of(contextKey, arnPattern)));
    return document(List.of(administration, service));
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
