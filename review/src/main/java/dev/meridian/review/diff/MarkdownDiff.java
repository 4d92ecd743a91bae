package dev.meridian.review.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link DiffReport} as a pull-request comment. Order is importance: verdict, summary
 * per deployment and site, callouts (stateful losses, DNS table, residency, GPU cost, access),
 * then per-stack changes. When the comment would exceed the limit, entries are dropped from the
 * end and a note says how many.
 */
final class MarkdownDiff {

  private static final int MAX_VALUE = 120;
  private static final int NOTE_RESERVE = 300;
  private static final int MAX_SITES_NAMED = 12;

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
    report.summary().forEach((key, row) -> head.append("| ").append(key.get(0)).append(" | ").append(key.get(1))
        .append(" | ").append(key.get(2)).append(" | ").append(row[ChangeKind.ADDED.ordinal()]).append(" | ")
        .append(row[ChangeKind.UPDATED.ordinal()]).append(" | ").append(row[ChangeKind.REPLACED.ordinal()]).append(" | ")
        .append(row[ChangeKind.REMOVED.ordinal()]).append(" |\n"));
    head.append('\n');

    List<String> blocks = new ArrayList<>();
    List<String> stateful = report.changes().stream().filter(ResourceChange::losesStatefulResource)
        .map(MarkdownDiff::statefulLine).toList();
    section(blocks, "### ⚠ Stateful resources replaced or deleted", stateful);
    if (!report.dns().isEmpty()) {
      StringBuilder table = new StringBuilder("### DNS routing and failover\n\n| record | policy | target | health check |\n|---|---|---|---|\n");
      report.dns().forEach(r -> table.append("| ").append(cell(r.record())).append(" | ").append(cell(r.policy()))
          .append(" | ").append(cell(r.target())).append(" | ").append(cell(r.healthCheck())).append(" |\n"));
      blocks.add(table.append('\n').toString());
    }
    section(blocks, "### Residency", report.residency().stream().map(l -> "- " + l).toList());
    section(blocks, "### GPU capacity and cost", report.gpu().stream().map(l -> "- " + l).toList());
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

  private static void section(List<String> blocks, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      blocks.add(title + "\n\n" + String.join("\n", lines) + "\n\n");
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
