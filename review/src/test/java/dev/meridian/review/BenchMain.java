package dev.meridian.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.review.diff.DiffReport;
import dev.meridian.review.diff.Differ;
import dev.meridian.review.verify.Verifier;
import dev.meridian.review.verify.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's driver ({@code bench/review.sh}): {@code generate OUT SITES base|head} writes a
 * synth output of one deployment with SITES sites in both engines, cloned from the clean fixture's
 * UK stack (head raises the GPU type at every site and renames one site's logs bucket); {@code
 * verify DIR} and {@code diff BASE HEAD} run review and print a one-line summary.
 */
public final class BenchMain {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String[]> REGIONS = List.of(new String[] {"eu-west-2", "UK"},
      new String[] {"eu-central-1", "EU"}, new String[] {"eu-west-1", "EU"}, new String[] {"us-east-1", "US"},
      new String[] {"us-west-2", "US"});

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), args[3].equals("head"));
      case "verify" -> {
        VerifyReport report = Verifier.verify(Path.of(args[1]));
        System.out.println("verify: " + report.resources() + " resources, " + report.stacks() + " stacks, "
            + report.findings().size() + " findings");
      }
      case "diff" -> {
        DiffReport report = Differ.diff(Path.of(args[1]), Path.of(args[2]));
        String markdown = report.markdown(DiffReport.GITHUB_COMMENT_LIMIT);
        Files.writeString(Path.of(args[3]), markdown);
        System.out.println("diff: " + report.changes().size() + " changes, " + report.folded().size()
            + " entries after folding, markdown " + markdown.length() + " chars, verdict " + report.verdict());
      }
      default -> throw new IllegalArgumentException("unknown mode " + args[0] + " (expected generate, verify or diff)");
    }
  }

  /** Writes a synth output of deployment {@code big} with {@code sites} sites in both engines; head carries the changes. */
  public static void generate(Path out, int sites, boolean head) throws IOException {
    Path fixture = OutputFixture.resource("clean-active-passive");
    String cfn = Files.readString(fixture.resolve("cdk/chat-uk.template.json"));
    String tf = Files.readString(fixture.resolve("terraform/stacks/chat-uk/cdk.tf.json"));
    ObjectNode sitesMap = MAPPER.createObjectNode();
    for (int i = 0; i < sites; i++) {
      sitesMap.put(site(i), REGIONS.get(i % REGIONS.size())[1]);
    }
    ObjectNode artifacts = MAPPER.createObjectNode();
    ObjectNode stacks = MAPPER.createObjectNode();
    for (int i = 0; i < sites; i++) {
      String site = site(i);
      String[] region = REGIONS.get(i % REGIONS.size());
      String stack = "big-" + site;
      ObjectNode placement = MAPPER.createObjectNode().put("deployment", "big").put("pattern", "active-active")
          .put("site", site).put("jurisdiction", region[1]).put("awsRegion", region[0]);
      placement.putObject("residency").put("mode", "strict").putArray("allowedTransfers");
      placement.set("sites", sitesMap);
      ObjectNode template = clone(cfn, site, region, head, i);
      ((ObjectNode) template.path("Metadata")).set("Meridian", placement);
      write(out.resolve("cdk/" + stack + ".template.json"), template);
      artifacts.putObject(stack).put("type", "aws:cloudformation:stack")
          .put("environment", "aws://unknown-account/" + region[0])
          .putObject("properties").put("templateFile", stack + ".template.json");
      ObjectNode tfStack = clone(tf, site, region, head, i);
      ((ObjectNode) tfStack.path("locals")).set("meridian", placement);
      write(out.resolve("terraform/stacks/" + stack + "/cdk.tf.json"), tfStack);
      stacks.putObject(stack).put("name", stack).put("synthesizedStackPath", "stacks/" + stack + "/cdk.tf.json");
    }
    write(out.resolve("cdk/manifest.json"), MAPPER.createObjectNode().put("version", "48.0.0").set("artifacts", artifacts));
    write(out.resolve("terraform/manifest.json"), MAPPER.createObjectNode().put("version", "0.19.2").set("stacks", stacks));
  }

  private static ObjectNode clone(String text, String site, String[] region, boolean head, int index) throws IOException {
    String out = text.replace("chat-uk", "big-" + site).replace("/chat/uk/", "/big/" + site + "/")
        .replace("chat-eu", "big-" + site + "-copy").replace("eu-central-1", region[0])
        .replace("eu-west-2", region[0]).replace("\"UK\"", "\"" + region[1] + "\"");
    if (head) {
      out = out.replace("g6.xlarge", "g6e.xlarge");
      if (index == 0) {
        out = out.replace("big-" + site + "-logs-", "big-" + site + "-inference-logs-");
      }
    }
    return (ObjectNode) MAPPER.readTree(out);
  }

  private static String site(int i) {
    return String.format(Locale.ROOT, "s%04d", i);
  }

  private static void write(Path file, JsonNode json) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }
}
