package dev.meridian.review.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SortedMap;

/**
 * What {@code meridian verify} found in one synth output.
 *
 * @param stacks    how many stacks were read
 * @param resources how many resources were read
 * @param rules     the rules that ran: id → what it proves
 * @param findings  the findings, sorted; empty for a clean output
 */
public record VerifyReport(int stacks, int resources, SortedMap<String, String> rules, List<Finding> findings) {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Whether the output obeys every rule. */
  public boolean clean() {
    return findings.isEmpty();
  }

  /** The exit code of {@code meridian verify}: 0 clean, 1 findings. */
  public int exitCode() {
    return clean() ? 0 : 1;
  }

  /** One line per finding, then a summary line. */
  public String text() {
    StringBuilder out = new StringBuilder();
    findings.forEach(f -> out.append(f.line()).append('\n'));
    out.append(count(findings.size(), "finding")).append(" in ").append(count(resources, "resource")).append(" of ")
        .append(count(stacks, "stack")).append('\n');
    return out.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code {"stacks", "resources", "rules": {id: what it proves}, "findings": [{"path", "rule", "message"}]}}. */
  public String json() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("stacks", stacks);
    root.put("resources", resources);
    rules.forEach(root.putObject("rules")::put);
    ArrayNode list = root.putArray("findings");
    findings.forEach(f -> list.addObject().put("path", f.path()).put("rule", f.rule()).put("message", f.message()));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("verify report cannot be written as JSON", e);
    }
  }
}
