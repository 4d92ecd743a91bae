package dev.meridian.review.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces engine-specific expressions to canonical strings, so the same value reads the same in
 * both engines: CloudFormation {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::Sub},
 * {@code Fn::Base64}, {@code Fn::Select} and {@code Fn::ImportValue} become strings with {@code
 * ${Name}} / {@code ${Name.Attr}} / {@code ${Import:name}} placeholders; Terraform's caller
 * identity and region data sources become {@code ${AWS::AccountId}} and the region. The account
 * stays a placeholder; {@code AWS::Region} and {@code AWS::Partition} resolve when the region is
 * known. Other functions keep their shape with canonical arguments.
 */
public final class Canonical {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
  private static final Pattern TF_ACCOUNT = Pattern.compile("\\$\\{data\\.aws_caller_identity\\.[A-Za-z0-9_-]+\\.account_id}");
  private static final Pattern TF_REGION = Pattern.compile("\\$\\{data\\.aws_region\\.[A-Za-z0-9_-]+\\.(name|region)}");
  private static final Pattern TF_PARTITION = Pattern.compile("\\$\\{data\\.aws_partition\\.[A-Za-z0-9_-]+\\.partition}");

  private Canonical() {}

  /** A CloudFormation value with every intrinsic function resolved as far as the template allows. */
  public static JsonNode cloudFormation(JsonNode node, Optional<String> region) {
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(element -> out.add(cloudFormation(element, region)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    if (node.size() == 1) {
      Map.Entry<String, JsonNode> only = node.properties().iterator().next();
      String name = only.getKey();
      if (name.equals("Ref") || name.startsWith("Fn::")) {
        return intrinsic(name, cloudFormation(only.getValue(), region), region);
      }
    }
    ObjectNode out = NODES.objectNode();
    node.properties().forEach(e -> out.set(e.getKey(), cloudFormation(e.getValue(), region)));
    return out;
  }

  /** A Terraform value with the account, region and partition data sources resolved. */
  public static JsonNode terraform(JsonNode node, Optional<String> region) {
    if (node.isTextual()) {
      return TextNode.valueOf(terraformText(node.asText(), region));
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(element -> out.add(terraform(element, region)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.properties().forEach(e -> out.set(e.getKey(), terraform(e.getValue(), region)));
      return out;
    }
    return node;
  }

  private static String terraformText(String text, Optional<String> region) {
    if (!text.contains("${")) {
      return text;
    }
    String out = TF_ACCOUNT.matcher(text).replaceAll(Matcher.quoteReplacement("${AWS::AccountId}"));
    out = TF_PARTITION.matcher(out).replaceAll("aws");
    if (region.isPresent()) {
      out = TF_REGION.matcher(out).replaceAll(Matcher.quoteReplacement(region.get()));
    }
    return out;
  }

  private static JsonNode intrinsic(String name, JsonNode arg, Optional<String> region) {
    return switch (name) {
      case "Ref" -> TextNode.valueOf(ref(arg.asText(), region));
      case "Fn::GetAtt" -> TextNode.valueOf("${" + (arg.isArray() ? join(".", arg) : arg.asText()) + "}");
      case "Fn::Join" -> arg.isArray() && arg.size() == 2 && arg.get(1).isArray() && allText(arg.get(1))
          ? TextNode.valueOf(join(arg.get(0).asText(), arg.get(1)))
          : function(name, arg);
      case "Fn::Sub" -> sub(arg, region).<JsonNode>map(TextNode::valueOf).orElseGet(() -> function(name, arg));
      case "Fn::Base64" -> arg.isTextual() ? arg : function(name, arg);
      case "Fn::ImportValue" -> arg.isTextual() ? TextNode.valueOf("${Import:" + arg.asText() + "}") : function(name, arg);
      case "Fn::Select" -> arg.isArray() && arg.size() == 2 && arg.get(1).isArray()
          && arg.get(0).canConvertToInt() && arg.get(0).asInt() < arg.get(1).size()
          ? arg.get(1).get(arg.get(0).asInt())
          : function(name, arg);
      default -> function(name, arg);
    };
  }

  private static String ref(String target, Optional<String> region) {
    return switch (target) {
      case "AWS::Region" -> region.orElse("${AWS::Region}");
      case "AWS::Partition" -> "aws";
      case "AWS::URLSuffix" -> "amazonaws.com";
      default -> "${" + target + "}";
    };
  }

  private static Optional<String> sub(JsonNode arg, Optional<String> region) {
    String template;
    JsonNode variables;
    if (arg.isTextual()) {
      template = arg.asText();
      variables = NODES.objectNode();
    } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isObject()) {
      template = arg.get(0).asText();
      variables = arg.get(1);
    } else {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    Matcher m = SUB_VARIABLE.matcher(template);
    while (m.find()) {
      String variable = m.group(1);
      JsonNode value = variables.get(variable);
      String replacement;
      if (value != null && value.isTextual()) {
        replacement = value.asText();
      } else if (value != null) {
        return Optional.empty();
      } else {
        replacement = ref(variable, region);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode element : array) {
      if (!element.isTextual() && !element.isNumber()) {
        return false;
      }
    }
    return true;
  }

  private static String join(String separator, JsonNode parts) {
    StringBuilder out = new StringBuilder();
    for (Iterator<JsonNode> it = parts.elements(); it.hasNext(); ) {
      out.append(it.next().asText());
      if (it.hasNext()) {
        out.append(separator);
      }
    }
    return out.toString();
  }

  private static JsonNode function(String name, JsonNode arg) {
    ObjectNode out = NODES.objectNode();
    out.set(name, arg);
    return out;
  }
}
