package dev.meridian.review.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link DiffReport} as a pull-request comment. Order is importance: verdict, summary
 * per deployment and site, callouts (stateful losses, DNS table, residency, GPU cost, access),
 * then per-stack changes. When the comment would exceed the limit, entries are dropped from the
 * end and a note says how many; the summary table takes at most half the limit (more than {@value
 * #FOLD_ROWS} sites with the same counts share a row).
 */
final class MarkdownDiff {

  private static final int MAX_VALUE = 120;
  private static final int NOTE_RESERVE = 300;
  private static final int MAX_SITES_NAMED = 12;
  private static final int FOLD_ROWS = 5;

  private final DiffReport report;

  MarkdownDiff(DiffReport report) {
    this.report = report;
  }

  String render(int maxChars) {
    StringBuilder head = new StringBuilder(DiffReport.MARKER).append("\n## Meridian diff\n\n");
    if (report.noChanges()) {
      return head.append("No changes.\n").toString();
    }
    var counts = report.counts();
    head.append("**Verdict: ").append(report.verdict()).append("** · ").append(counts.get("added")).append(" added · ")
        .append(counts.get("updated")).append(" updated · ").append(counts.get("replaced")).append(" replaced · ")
        .append(counts.get("removed")).append(" removed\n\n");
    head.append("### Summary\n\n| deployment | site | engine | added | updated | replaced | removed |\n|---|---|---|---:|---:|---:|---:|\n");
    List<String> rows = summaryRows();
    int budget = maxChars / 2;
    for (int i = 0; i < rows.size(); i++) {
      if (head.length() + rows.get(i).length() > budget) {
        head.append("| … | ").append(rows.size() - i).append(" more rows | | | | | |\n");
        break;
      }
      head.append(rows.get(i));
    }
    head.append('\n');

    List<String> blocks = new ArrayList<>();
    List<String> stateful = report.changes().stream().filter(ResourceChange::losesStatefulResource)
        .map(MarkdownDiff::statefulLine).toList();
    section(blocks, "### ⚠ Stateful resources replaced or deleted", stateful);
    List<String> dnsRows = report.dns().stream().map(r -> "| " + cell(r.record()) + " | " + cell(r.policy()) + " | "
        + cell(r.target()) + " | " + cell(r.healthCheck()) + " |").toList();
    section(blocks, "### DNS routing and failover\n\n| record | policy | target | health check |\n|---|---|---|---|", dnsRows);
    section(blocks, "### Residency", report.residency().stream().map(l -> "- " + l).toList());
    section(blocks, "### GPU capacity and cost\n\n<sub>On-demand prices: " + GpuPrices.builtIn().source() + "</sub>",
        report.gpu().stream().map(l -> "- " + l).toList());
    section(blocks, "### Access widened", report.access().stream().map(l -> "- " + l).toList());
    blocks.addAll(changeBlocks());

    StringBuilder out = new StringBuilder(head);
    int shown = 0;
    for (String block : blocks) {
      if (out.length() + block.length() + NOTE_RESERVE > maxChars) {
        break;
      }
      out.append(block);
      shown++;
    }
    int dropped = blocks.size() - shown;
    if (dropped > 0) {
      out.append("\n> **Truncated:** ").append(dropped).append(" of ").append(blocks.size())
          .append(" entries not shown to stay under ").append(String.format(Locale.ROOT, "%,d", maxChars))
          .append(" characters. Run `meridian diff BASE HEAD` locally, or use `--format json`, for the full diff.\n");
    }
    return out.toString();
  }

  /**
   * One row per deployment, site and engine; when more than {@value #FOLD_ROWS} sites of one
   * deployment and engine have the same counts, they share a row.
   */
  private List<String> summaryRows() {
    Map<String, List<String>> sitesByCounts = new LinkedHashMap<>();
    report.summary().forEach((key, row) -> sitesByCounts.computeIfAbsent(key.get(0) + "\u0000" + key.get(2) + "\u0000"
        + row[ChangeKind.ADDED.ordinal()] + " | " + row[ChangeKind.UPDATED.ordinal()] + " | "
        + row[ChangeKind.REPLACED.ordinal()] + " | " + row[ChangeKind.REMOVED.ordinal()], k -> new ArrayList<>()).add(key.get(1)));
    List<String> rows = new ArrayList<>();
    report.summary().forEach((key, row) -> {
      String counts = row[ChangeKind.ADDED.ordinal()] + " | " + row[ChangeKind.UPDATED.ordinal()] + " | "
          + row[ChangeKind.REPLACED.ordinal()] + " | " + row[ChangeKind.REMOVED.ordinal()];
      List<String> sites = sitesByCounts.get(key.get(0) + "\u0000" + key.get(2) + "\u0000" + counts);
      if (sites.size() <= FOLD_ROWS) {
        rows.add("| " + key.get(0) + " | " + key.get(1) + " | " + key.get(2) + " | " + counts + " |\n");
      } else if (sites.get(0).equals(key.get(1))) {
        rows.add("| " + key.get(0) + " | " + sites.size() + " sites: " + abbreviate(sites) + " | " + key.get(2) + " | "
            + counts + " |\n");
      }
    });
    return rows;
  }

  private static String statefulLine(ResourceChange c) {
    String what = c.kind() == ChangeKind.REMOVED ? "deleted" : "replaced ("
        + String.join(", ", c.properties().stream().filter(PropertyChange::replaces).map(p -> "`" + p.path() + "`").toList())
        + " changes)";
    String fate = switch (c.engine()) {
      case CLOUDFORMATION -> c.retained()
          ? "the old resource is kept (" + (c.kind() == ChangeKind.REMOVED ? "DeletionPolicy" : "UpdateReplacePolicy") + ")"
          : "**its data is lost**";
      case TERRAFORM -> c.retained() ? "terraform will refuse the plan (`lifecycle.prevent_destroy`)" : "**its data is lost**";
    };
    return "- `" + c.path() + "` (" + c.type() + ") **" + what + "**: " + fate;
  }

  /** A section as one block per line, so truncation drops lines, not whole sections; the title rides on the first. */
  private static void section(List<String> blocks, String title, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String lead = i == 0 ? title + (title.endsWith("|") ? "\n" : "\n\n") : "";
      String tail = i == lines.size() - 1 ? "\n\n" : "\n";
      blocks.add(lead + lines.get(i) + tail);
    }
  }

  private List<String> changeBlocks() {
    List<FoldedChange> ordered = new ArrayList<>(report.folded());
    ordered.sort(Comparator.comparing((FoldedChange f) -> f.change().engine())
        .thenComparing(f -> String.join(",", f.stacks())).thenComparing(f -> f.change().address()));
    List<String> blocks = new ArrayList<>();
    String previous = null;
    for (FoldedChange f : ordered) {
      ResourceChange c = f.change();
      String heading = f.stacks().size() == 1
          ? "#### " + c.engine().folder() + " · `" + c.stack() + "` (" + c.deployment() + " / " + c.site() + ")"
          : "#### " + c.engine().folder() + " · same change × " + f.stacks().size() + " sites: "
              + abbreviate(f.sites()) + " (" + c.deployment() + ")";
      StringBuilder block = new StringBuilder();
      if (!heading.equals(previous)) {
        block.append(previous == null ? "### Changes\n\n" : "\n").append(heading).append("\n\n");
        previous = heading;
      }
      block.append("- **").append(c.kind().sign()).append(" `").append(c.address()).append("`** ").append(c.type())
          .append(" — ").append(c.kind().name().toLowerCase(Locale.ROOT)).append('\n');
      for (PropertyChange p : c.properties()) {
        block.append("  - `").append(p.path()).append("`: ").append(value(p.before())).append(" → ")
            .append(value(p.after())).append(p.replaces() ? " ⚠ forces replacement" : "").append('\n');
      }
      blocks.add(block.toString());
    }
    return blocks;
  }

  private static String abbreviate(List<String> sites) {
    return sites.size() <= MAX_SITES_NAMED ? String.join(", ", sites)
        : String.join(", ", sites.subList(0, MAX_SITES_NAMED)) + " and " + (sites.size() - MAX_SITES_NAMED) + " more";
  }

  private static String value(String json) {
    if (json.equals(PropertyChange.ABSENT)) {
      return json;
    }
    String shown = json.length() > MAX_VALUE ? json.substring(0, MAX_VALUE) + "…" : json;
    return "`` " + shown.replace("\n", " ") + " ``";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
