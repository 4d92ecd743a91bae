package dev.meridian.review.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No secret is written in clear into a template or Terraform file. Every string property is
 * searched — user data ({@code UserData}, {@code user_data}, {@code user_data_base64}) after
 * base64-decoding — for AWS access key ids, PEM private keys, assignments of a literal to a name
 * like {@code password}, {@code api_key}, {@code secret} or {@code token}, properties of such a
 * name holding a literal, and high-entropy tokens (32+ characters mixing upper case, lower case
 * and digits, ≥ 4.3 bits per character; not in properties named like a hash: {@code
 * source_code_hash}, {@code etag}, {@code …sha256}, {@code checksum}, {@code digest}, nor in names,
 * descriptions and tag values, where CDK writes construct paths and logical ids). References
 * ({@code ${…}}, {@code {{resolve:…}}}, LiteLLM's {@code os.environ/…}), idempotency tokens
 * ({@code ClientToken}) and placeholders such as {@code not-required} are not
 * secrets, and CDK's own {@code AWS::CDK::Metadata} (compressed construct analytics) is skipped.
 * Findings show where, never the secret itself.
 */
public final class ClearSecretRule implements Rule {

  private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN ([A-Z]+ )*PRIVATE KEY-----");
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(?i)([a-z0-9_.-]*(?:api[_-]?key|password|passwd|secret|token))[\"']?\\s*[:=]\\s*[\"']?([^\\s\"'$]{6,})");
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(password|passwd|secret_?string|api_?key|access_?key|private_?key|token)$");
  private static final Set<String> NOT_SECRET_NAMES = Set.of(
      "passwordlength", "password_length", "generatesecretstring", "secretstringtemplate",
      "clienttoken", "client_token");
  /** Values that say "no secret here" (e.g. a key a keyless server is given to satisfy a client). */
  private static final Set<String> PLACEHOLDERS = Set.of("not-required", "not-needed", "none", "unused", "n/a");
  /**
   * Fields that name or describe things (policy and group names, descriptions, tag values): their
   * long mixed-case strings are construct paths and logical ids, so entropy alone says nothing there.
   */
  private static final Pattern NAMING_FIELD = Pattern.compile("(?i).*(name|description)$");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{32,}={0,2}");
  private static final Pattern HASH_NAME = Pattern.compile("(?i).*(hash|etag|sha256|checksum|digest)$");
  private static final String CDK_METADATA = "AWS::CDK::Metadata";
  private static final Set<String> USER_DATA = Set.of("UserData", "user_data", "user_data_base64");

  @Override
  public String id() {
    return "clear-secret";
  }

  @Override
  public String description() {
    return "no secret in clear in properties or user data";
  }

  @Override
  public List<Finding> check(Inventory inventory) {
    List<Finding> findings = new ArrayList<>();
    for (Resource r : inventory.resources()) {
      if (r.type().equals(CDK_METADATA)) {
        continue;
      }
      Set<String> reasons = new LinkedHashSet<>();
      walk(r.properties(), "", false, reasons);
      reasons.forEach(reason -> findings.add(new Finding(r.path(), id(), reason)));
    }
    return findings;
  }

  private void walk(JsonNode node, String path, boolean userData, Set<String> reasons) {
    if (node.isObject()) {
      JsonNode name = node.path("Name");
      JsonNode value = node.path("Value");
      if (name.isTextual() && value.isTextual() && secretName(name.asText()) && literal(value.asText())) {
        reasons.add(name.asText() + " is set to a literal at " + path + " (use a Secrets Manager or SSM reference)");
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        JsonNode v = e.getValue();
        if (v.isTextual() && secretName(e.getKey()) && literal(v.asText())) {
          reasons.add(child + " holds a literal secret (use a Secrets Manager or SSM reference)");
        }
        walk(v, child, userData || USER_DATA.contains(e.getKey()), reasons);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", userData, reasons);
      }
    } else if (node.isTextual()) {
      String text = userData ? decoded(node.asText()) : node.asText();
      String field = path.substring(path.lastIndexOf('.') + 1);
      boolean tagValue = path.matches("(?i).*tags(\\[\\d+])?\\.value$");
      boolean entropy = !HASH_NAME.matcher(field).matches() && !NAMING_FIELD.matcher(field).matches() && !tagValue;
      scan(text, path + (userData && !text.equals(node.asText()) ? " (base64-decoded)" : ""), entropy, reasons);
    }
  }

  private static void scan(String text, String where, boolean entropy, Set<String> reasons) {
    Matcher key = ACCESS_KEY.matcher(text);
    if (key.find()) {
      reasons.add("AWS access key id " + mask(key.group()) + " in " + where + lineOf(text, key.start()));
    }
    Matcher pem = PRIVATE_KEY.matcher(text);
    if (pem.find()) {
      reasons.add("PEM private key in " + where + lineOf(text, pem.start()));
    }
    BitSet assigned = new BitSet();
    if (mentionsSecretName(text)) {
      Matcher assignment = ASSIGNMENT.matcher(text);
      while (assignment.find()) {
        if (literal(assignment.group(2)) && !NOT_SECRET_NAMES.contains(assignment.group(1).toLowerCase(Locale.ROOT))) {
          reasons.add(assignment.group(1) + " is assigned a literal in " + where + lineOf(text, assignment.start()));
          assigned.set(assignment.start(2), assignment.end(2));
        }
      }
    }
    Matcher token = TOKEN.matcher(text);
    while (entropy && token.find()) {
      if (highEntropy(token.group()) && !insidePlaceholder(text, token.start()) && !assigned.get(token.start())) {
        reasons.add("high-entropy string " + mask(token.group()) + " in " + where + lineOf(text, token.start()));
      }
    }
  }

  private static boolean mentionsSecretName(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("key") || lower.contains("pass") || lower.contains("secret") || lower.contains("token");
  }

  private static boolean secretName(String name) {
    return SECRET_NAME.matcher(name).matches() && !NOT_SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  private static boolean literal(String value) {
    return !value.isBlank() && !value.contains("${") && !value.contains("{{resolve:") && !value.startsWith("arn:")
        && !value.startsWith("/") && !value.startsWith("os.environ/")
        && !PLACEHOLDERS.contains(value.toLowerCase(Locale.ROOT));
  }

  private static boolean insidePlaceholder(String text, int at) {
    int open = text.lastIndexOf("${", at);
    return open >= 0 && text.indexOf('}', open) >= at;
  }

  static boolean highEntropy(String token) {
    boolean upper = token.chars().anyMatch(Character::isUpperCase);
    boolean lower = token.chars().anyMatch(Character::isLowerCase);
    boolean digit = token.chars().anyMatch(Character::isDigit);
    if (!upper || !lower || !digit) {
      return false;
    }
    int[] counts = new int[128];
    token.chars().forEach(c -> counts[c & 127]++);
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / token.length();
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    return bits >= 4.3;
  }

  /** User data as the instance sees it: base64-decoded when it is valid base64 of text. */
  private static String decoded(String value) {
    String compact = value.strip();
    if (compact.isEmpty() || compact.length() % 4 != 0 || !compact.matches("[A-Za-z0-9+/]+={0,2}")) {
      return value;
    }
    byte[] bytes = Base64.getDecoder().decode(compact);
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || (c >= 32 && c != 0xFFFD)) ? text : value;
  }

  private static String lineOf(String text, int at) {
    if (text.indexOf('\n') < 0) {
      return "";
    }
    return " (line " + (text.substring(0, at).chars().filter(c -> c == '\n').count() + 1) + ")";
  }

  private static String mask(String secret) {
    return secret.substring(0, 4) + "…";
  }
}
