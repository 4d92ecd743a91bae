package dev.meridian.review.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@code meridian diff} found between two synth outputs, and its three renderings: Markdown
 * for a pull-request comment (kept under a character limit, GitHub's 65,536 by default), plain
 * text, and JSON for bots.
 *
 * @param changes   every resource change, by path
 * @param folded    the same changes with identical ones across sites folded together
 * @param dns       the routed records that changed, before → after
 * @param residency residency changes and new border crossings, one line each
 * @param gpu       GPU capacity and hourly cost changes per stack, then totals per engine
 * @param access    security-group ingress and IAM allows present in head but not in base
 */
public record DiffReport(
    List<ResourceChange> changes,
    List<FoldedChange> folded,
    List<DnsRow> dns,
    List<String> residency,
    List<String> gpu,
    List<String> access) {

  /** GitHub's limit on the body of an issue or pull-request comment. */
  public static final int GITHUB_COMMENT_LIMIT = 65_536;

  /** The first line of every Markdown diff; CI finds its own comment by it. */
  public static final String MARKER = "<!-- meridian-diff -->";

  private static final Pattern ACCOUNT = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Whether the outputs are the same (noise aside). */
  public boolean noChanges() {
    return changes.isEmpty() && dns.isEmpty() && residency.isEmpty() && gpu.isEmpty() && access.isEmpty();
  }

  /** {@code no-changes}, {@code destroy} (a resource removed or replaced) or {@code update}. */
  public String verdict() {
    if (noChanges()) {
      return "no-changes";
    }
    return changes.stream().anyMatch(c -> c.kind() == ChangeKind.REMOVED || c.kind() == ChangeKind.REPLACED)
        ? "destroy" : "update";
  }

  /** How many resources changed in each way, and how many callouts of each class. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ChangeKind kind : ChangeKind.values()) {
      counts.put(kind.name().toLowerCase(Locale.ROOT), (int) changes.stream().filter(c -> c.kind() == kind).count());
    }
    counts.put("statefulRemovedOrReplaced", (int) changes.stream().filter(ResourceChange::losesStatefulResource).count());
    counts.put("dataDestroyed", (int) changes.stream().filter(ResourceChange::destroysData).count());
    counts.put("dns", dns.size());
    counts.put("residency", residency.size());
    counts.put("gpu", gpu.size());
    counts.put("access", access.size());
    return counts;
  }

  /** The classes of {@code failOn} this diff contains; a CI run fails when any is present. */
  public Set<FailClass> failing(Set<FailClass> failOn) {
    Set<FailClass> out = new TreeSet<>();
    for (FailClass c : failOn) {
      boolean present = switch (c) {
        case DESTROY -> changes.stream().anyMatch(r -> r.kind() == ChangeKind.REMOVED || r.losesStatefulResource());
        case REPLACEMENT -> changes.stream().anyMatch(r -> r.kind() == ChangeKind.REPLACED);
        case RESIDENCY -> !residency.isEmpty();
        case DNS -> !dns.isEmpty();
        case ACCESS -> !access.isEmpty();
      };
      if (present) {
        out.add(c);
      }
    }
    return out;
  }

  /** Markdown for a PR comment, at most {@code maxChars} characters; the least important parts go first. */
  public String markdown(int maxChars) {
    return new MarkdownDiff(this).render(maxChars);
  }

  /** Plain text: one line per change and callout. */
  public String text() {
    StringBuilder out = new StringBuilder();
    if (noChanges()) {
      return "No changes.\n";
    }
    out.append("verdict: ").append(verdict()).append(' ').append(counts()).append('\n');
    changes.stream().filter(ResourceChange::losesStatefulResource)
        .forEach(c -> out.append("STATEFUL ").append(c.kind().name().toLowerCase(Locale.ROOT)).append(": ")
            .append(c.path()).append(c.retained() ? " (retained)" : " (data lost)").append('\n'));
    dns.forEach(r -> out.append("DNS ").append(r.record()).append(": ").append(r.policy()).append(" | ")
        .append(r.target()).append(" | health check ").append(r.healthCheck()).append('\n'));
    residency.forEach(l -> out.append("RESIDENCY ").append(l).append('\n'));
    gpu.forEach(l -> out.append("GPU ").append(l).append('\n'));
    access.forEach(l -> out.append("ACCESS ").append(l).append('\n'));
    for (ResourceChange c : changes) {
      out.append(c.kind().sign()).append(' ').append(c.path()).append(" (").append(c.type()).append(")\n");
      c.properties().forEach(p -> out.append("    ").append(p.path()).append(": ").append(p.before()).append(" → ")
          .append(p.after()).append(p.replaces() ? " (forces replacement)" : "").append('\n'));
    }
    return out.toString();
  }

  /** {@code {"verdict", "counts", "sites": [...], "changes": [...], "dns", "residency", "gpu", "access"}}. */
  public String json() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("verdict", verdict());
    ObjectNode counts = root.putObject("counts");
    counts().forEach(counts::put);
    ArrayNode sites = root.putArray("sites");
    summary().forEach((key, row) -> {
      ObjectNode s = sites.addObject().put("deployment", key.get(0)).put("site", key.get(1)).put("engine", key.get(2));
      for (ChangeKind kind : ChangeKind.values()) {
        s.put(kind.name().toLowerCase(Locale.ROOT), row[kind.ordinal()]);
      }
    });
    ArrayNode list = root.putArray("changes");
    for (ResourceChange c : changes) {
      ObjectNode o = list.addObject().put("path", c.path()).put("type", c.type())
          .put("change", c.kind().name().toLowerCase(Locale.ROOT)).put("stateful", c.stateful())
          .put("retained", c.retained());
      ArrayNode props = o.putArray("properties");
      c.properties().forEach(p -> props.addObject().put("path", p.path()).put("before", p.before())
          .put("after", p.after()).put("forcesReplacement", p.replaces()));
    }
    ArrayNode dnsRows = root.putArray("dns");
    dns.forEach(r -> dnsRows.addObject().put("record", r.record()).put("policy", r.policy()).put("target", r.target())
        .put("healthCheck", r.healthCheck()));
    residency.forEach(root.withArray("residency")::add);
    gpu.forEach(root.withArray("gpu")::add);
    access.forEach(root.withArray("access")::add);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("diff report cannot be written as JSON", e);
    }
  }

  /** Counts per (deployment, site, engine folder), indexed by {@link ChangeKind#ordinal()}. */
  Map<List<String>, int[]> summary() {
    Map<List<String>, int[]> rows = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
    for (ResourceChange c : changes) {
      rows.computeIfAbsent(List.of(c.deployment(), c.site(), c.engine().folder()), k -> new int[ChangeKind.values().length])
          [c.kind().ordinal()]++;
    }
    return rows;
  }

  /** The text with every 12-digit AWS account id masked, for public repositories. */
  public static String redactAccounts(String text) {
    return ACCOUNT.matcher(text).replaceAll("************");
  }
}
