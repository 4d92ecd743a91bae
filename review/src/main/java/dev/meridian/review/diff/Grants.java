package dev.meridian.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meridian.review.inventory.Blocks;
import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The access an output grants, as comparable lines: security-group ingress ({@code tcp 443 from
 * 0.0.0.0/0 into cdk/chat-uk/ApiSecurityGroup}) and IAM allows ({@code Allow s3:GetObject on * to
 * cdk/chat-uk/InstanceRole}). A line in head but not in base widens access.
 */
final class Grants {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Grants() {}

  static SortedSet<String> of(Inventory inventory) {
    SortedSet<String> out = new TreeSet<>();
    for (Resource r : inventory.resources()) {
      boolean cfn = r.stack().engine() == Engine.CLOUDFORMATION;
      switch (r.kind()) {
        case SECURITY_GROUP -> {
          for (JsonNode rule : Blocks.each(r.property(cfn ? "SecurityGroupIngress" : "ingress"))) {
            ingress(rule, r.path(), out);
          }
        }
        case INGRESS_RULE -> {
          if (cfn || !"egress".equals(r.property("type").asText())) {
            String group = cfn ? r.property("GroupId").asText() : r.property("security_group_id").asText();
            String into = inventory.referenced(r, group).map(Resource::path).orElse(group);
            ingress(r.properties(), into, out);
          }
        }
        case IAM_POLICY -> statements(cfn ? r.property("PolicyDocument") : r.property("policy"), r.path(), out);
        case IAM_ROLE -> {
          for (JsonNode p : Blocks.each(r.property(cfn ? "Policies" : "inline_policy"))) {
            statements(cfn ? p.path("PolicyDocument") : p.path("policy"), r.path(), out);
          }
          r.property(cfn ? "ManagedPolicyArns" : "managed_policy_arns")
              .forEach(arn -> out.add("managed policy " + arn.asText() + " attached to " + r.path()));
        }
        default -> { }
      }
    }
    return out;
  }

  private static void ingress(JsonNode rule, String into, SortedSet<String> out) {
    String protocol = text(rule, "IpProtocol", "protocol", "ip_protocol");
    String from = text(rule, "FromPort", "from_port");
    String to = text(rule, "ToPort", "to_port");
    String ports = from.equals(to) ? from : from + "-" + to;
    List<String> sources = new ArrayList<>();
    for (String field : List.of("CidrIp", "CidrIpv6", "SourceSecurityGroupId", "cidr_ipv4", "cidr_ipv6",
        "referenced_security_group_id", "source_security_group_id")) {
      if (rule.path(field).isTextual()) {
        sources.add(rule.path(field).asText());
      }
    }
    for (String field : List.of("cidr_blocks", "ipv6_cidr_blocks", "security_groups")) {
      rule.path(field).forEach(s -> sources.add(s.asText()));
    }
    for (String source : sources) {
      boolean world = source.equals("0.0.0.0/0") || source.equals("::/0");
      out.add((world ? "⚠ " : "") + protocol + " " + ports + " from " + source + " into " + into);
    }
  }

  private static void statements(JsonNode policy, String to, SortedSet<String> out) {
    JsonNode document = policy;
    if (policy.isTextual()) {
      try {
        document = MAPPER.readTree(policy.asText());
      } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
        out.add("Allow what " + policy.asText() + " grants to " + to);
        return;
      }
    }
    for (JsonNode statement : Blocks.each(document.path("Statement"))) {
      if (!"Allow".equals(statement.path("Effect").asText())) {
        continue;
      }
      for (String action : list(statement.path("Action"))) {
        for (String resource : list(statement.path("Resource"))) {
          boolean wildcard = action.contains("*") || resource.equals("*");
          out.add((wildcard ? "⚠ " : "") + "Allow " + action + " on " + resource + " to " + to);
        }
      }
    }
  }

  private static List<String> list(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
    } else if (!node.isMissingNode()) {
      out.add(node.isTextual() ? node.asText() : node.toString());
    }
    return out.isEmpty() ? List.of("*") : out;
  }

  private static String text(JsonNode rule, String... fields) {
    for (String field : fields) {
      if (!rule.path(field).isMissingNode()) {
        return rule.path(field).asText();
      }
    }
    return "all";
  }
}
