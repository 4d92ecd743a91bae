package dev.meridian.review.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.review.OutputFixture;
import dev.meridian.review.ReviewInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diff's Markdown for crafted pairs, asserted section by section against golden files in {@code
 * src/test/resources/diff}. Run with {@code -Dmeridian.regenerateGoldens=true} to rewrite them.
 */
class DiffGoldenTest {

  private static final Path GOLDENS = Path.of("src/test/resources/diff");
  private static final boolean REGENERATE = Boolean.getBoolean("meridian.regenerateGoldens");
  private static final String CFN_UK = "cdk/chat-uk.template.json";
  private static final String CFN_EU = "cdk/chat-eu.template.json";
  private static final String CFN_DNS = "cdk/chat-dns.template.json";

  @TempDir static Path temp;
  private static Path base;
  private static DiffReport changed;

  /**
   * Base: the clean output with the UK Qdrant volume left unretained. Head: GPU type raised at both
   * sites, UK logs bucket renamed, that volume removed, SSH opened, failover swapped, EU → UK allowed.
   */
  @BeforeAll
  static void synthesizePair() throws ReviewInputException {
    base = OutputFixture.copy("clean-active-passive", temp.resolve("base"))
        .json(CFN_UK, t -> ((ObjectNode) t.path("Resources").path("QdrantVolume1")).remove("DeletionPolicy")).dir();
    OutputFixture head = OutputFixture.copy("clean-active-passive", temp.resolve("head"))
        .replace(CFN_UK, "\"InstanceType\": \"g6.xlarge\"", "\"InstanceType\": \"g6e.xlarge\"")
        .replace(CFN_EU, "\"InstanceType\": \"g6.xlarge\"", "\"InstanceType\": \"g6e.xlarge\"")
        .replace(CFN_UK, "\"chat-uk-logs-\"", "\"chat-uk-inference-logs-\"")
        .replace(CFN_UK, "\"aws:cdk:path\": \"chat-uk/ArtifactsBucket/Resource\"", "\"aws:cdk:path\": \"chat-uk/Artifacts/Resource\"")
        .json(CFN_UK, t -> {
          ObjectNode resources = (ObjectNode) t.path("Resources");
          resources.remove("QdrantVolume1");
          ((ObjectNode) resources.path("CDKMetadata").path("Properties")).put("Analytics", "v2:deflate64:changed");
          ((ArrayNode) resources.path("ApiSecurityGroup").path("Properties").path("SecurityGroupIngress"))
              .addObject().put("IpProtocol", "tcp").put("FromPort", 22).put("ToPort", 22).put("CidrIp", "0.0.0.0/0");
        })
        .json(CFN_DNS, t -> {
          ((ObjectNode) t.path("Resources").path("ApiPrimaryRecord").path("Properties")).put("Failover", "SECONDARY");
          ((ObjectNode) t.path("Resources").path("ApiSecondaryRecord").path("Properties")).put("Failover", "PRIMARY");
          ((ArrayNode) t.path("Metadata").path("Meridian").path("residency").path("allowedTransfers"))
              .addObject().put("from", "EU").put("to", "UK");
        });
    changed = Differ.diff(base, head.dir());
  }

  @Test
  void identicalOutputsSayNoChanges() throws ReviewInputException, IOException {
    DiffReport same = Differ.diff(base, base);
    assertThat(same.verdict()).isEqualTo("no-changes");
    assertSections("no-changes.md", same.markdown(DiffReport.GITHUB_COMMENT_LIMIT));
  }

  @Test
  void changedPairMatchesGoldenSectionBySection() throws IOException {
    assertSections("changed.md", changed.markdown(DiffReport.GITHUB_COMMENT_LIMIT));
  }

  @Test
  void identicalChangeAtTwoSitesFoldsIntoOneEntry() {
    assertThat(changed.markdown(DiffReport.GITHUB_COMMENT_LIMIT))
        .contains("#### cdk · same change × 2 sites: eu, uk (chat)")
        .containsOnlyOnce("`Properties.LaunchTemplateData.InstanceType`");
  }

  @Test
  void noiseIsNotReported() {
    assertThat(changed.changes()).noneMatch(c -> c.type().equals("AWS::CDK::Metadata") || c.address().equals("ArtifactsBucket"));
  }

  @Test
  void renamedBucketIsAStatefulReplacementAndRemovedVolumeADeletion() {
    assertThat(changed.changes()).filteredOn(ResourceChange::losesStatefulResource)
        .extracting(ResourceChange::path, ResourceChange::kind)
        .containsExactly(tuple("cdk/chat-uk/LogsBucket", ChangeKind.REPLACED),
            tuple("cdk/chat-uk/QdrantVolume1", ChangeKind.REMOVED));
    assertThat(changed.verdict()).isEqualTo("destroy");
  }

  @Test
  void onlyTheUnretainedVolumeLosesItsData() {
    assertThat(changed.changes()).filteredOn(ResourceChange::destroysData).extracting(ResourceChange::path)
        .containsExactly("cdk/chat-uk/QdrantVolume1");
  }

  @Test
  void failOnListsOnlyTheClassesPresent() {
    assertThat(changed.failing(Set.of(FailClass.values()))).containsExactlyInAnyOrder(FailClass.values());
    assertThat(Differ.diff(OutputFixtureInventory.clean(), OutputFixtureInventory.clean()).failing(Set.of(FailClass.values())))
        .isEmpty();
  }

  @Test
  void longDiffIsTruncatedUnderTheLimitWithANote() throws IOException {
    String markdown = changed.markdown(2_500);
    assertThat(markdown.length()).isLessThanOrEqualTo(2_500);
    assertSections("truncated.md", markdown);
  }

  @Test
  void jsonSummaryCountsEveryClass() {
    assertThat(changed.counts()).containsEntry("replaced", 1).containsEntry("removed", 1).containsEntry("statefulRemovedOrReplaced", 2)
        .containsEntry("dataDestroyed", 1)
        .containsEntry("dns", 2).containsEntry("access", 1);
    assertThat(changed.json()).contains("\"verdict\" : \"destroy\"");
  }

  @Test
  void redactionMasksAccountIds() {
    assertThat(DiffReport.redactAccounts("arn:aws:iam::111111111111:role/x 1234")).isEqualTo("arn:aws:iam::************:role/x 1234");
  }

  private static void assertSections(String golden, String actual) throws IOException {
    Path file = GOLDENS.resolve(golden);
    if (REGENERATE) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    Map<String, String> expected = sections(Files.readString(file, StandardCharsets.UTF_8));
    Map<String, String> got = sections(actual);
    assertThat(got.keySet()).as("sections of %s", golden).containsExactlyElementsOf(expected.keySet());
    expected.forEach((title, body) -> assertThat(got.get(title)).as("section %s of %s", title, golden).isEqualTo(body));
  }

  /** The Markdown split at its {@code ###} headings: title → text up to the next one. */
  private static Map<String, String> sections(String markdown) {
    Map<String, String> out = new LinkedHashMap<>();
    String title = "(top)";
    StringBuilder body = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("### ")) {
        out.put(title, body.toString());
        title = line;
        body.setLength(0);
      } else {
        body.append(line).append('\n');
      }
    }
    out.put(title, body.toString());
    return out;
  }
}
