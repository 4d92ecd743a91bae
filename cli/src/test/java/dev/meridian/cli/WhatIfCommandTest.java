package dev.meridian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meridian plan --fail SITE…}: where users go with sites down, and whether residency holds. */
class WhatIfCommandTest {

  private static final String UK_EU = CommandRun.EXAMPLES.resolve("active-passive-uk-eu.json").toString();
  private static final String SHARDS = CommandRun.EXAMPLES.resolve("regional-sharding.jsonnet").toString();

  @TempDir static Path dir;

  /** Regional sharding with GB in London and continent EU in Frankfurt, under the given residency mode. */
  private static String ukAndContinentEuShards(String residencyMode) throws IOException {
    Path spec = dir.resolve("shards-" + residencyMode + ".json");
    Files.writeString(spec, """
        {
          "apiVersion": "meridian/v1",
          "name": "shards",
          "pattern": "regional-sharding",
          "dns": { "zone": "example.com", "record": "api.example.com" },
          "regions": [
            { "name": "uk", "awsRegion": "eu-west-2", "role": "active", "serves": ["GB"] },
            { "name": "eu", "awsRegion": "eu-central-1", "role": "active", "serves": ["EU"] }
          ],
          "gpu": {
            "instanceType": "g6.xlarge", "min": 1, "max": 2,
            "model": { "name": "meta-llama/Llama-3.1-8B-Instruct", "artifact": "models/llama/" }
          },
          "residency": { "mode": "%s" }
        }
        """.formatted(residencyMode));
    return spec.toString();
  }

  private static CommandRun whatIf(String spec, String... options) {
    String[] args = new String[options.length + 4];
    System.arraycopy(new String[] {"plan", "-J", CommandRun.JSONNET.toString(), spec}, 0, args, 0, 4);
    System.arraycopy(options, 0, args, 4, options.length);
    return CommandRun.of(args);
  }

  @Test
  void failedPrimaryMovesEveryoneToTheStandby() {
    CommandRun run = whatIf(UK_EU, "--fail", "london");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .startsWith("chat-eu-dr with london down\n")
        .containsPattern("everyone +london → frankfurt +moved")
        .contains("HEALTH CHECKS TRIPPED  london\n", "FAILOVER  ≤ 60 s (health check interval × threshold + TTL)\n");
  }

  @Test
  void failoverToAPilotLightStandbyWarnsOfTheScaleUp() {
    assertThat(whatIf(UK_EU, "--fail", "london").out())
        .contains("+ scale-up from zero at frankfurt (pilot light)")
        .contains("CAPACITY  4 of 8 AWS GPU instances (at max) left");
  }

  @Test
  void allowedBorderCrossingOnFailoverKeepsResidency() {
    assertThat(whatIf(UK_EU, "--fail", "london").out())
        .contains("RESIDENCY  holds\n")
        .containsPattern("failover of users' traffic +london \\(UK\\) → frankfurt \\(EU\\) +crosses a border: allowed");
  }

  @Test
  void failedStandbyMovesNobody() {
    CommandRun run = whatIf(UK_EU, "--fail", "frankfurt");

    assertThat(run.out())
        .containsPattern("everyone +london → london +unchanged")
        .contains("FAILOVER  DNS moves nobody\n", "RESIDENCY  holds · no user traffic is rerouted\n");
  }

  @Test
  void failedShardWithoutADefaultRecordLeavesItsUsersUnserved() {
    CommandRun run = whatIf(SHARDS, "--fail", "uk");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .containsPattern("GB +uk → UNSERVED \\(no answer\\) +lost")
        .containsPattern("US +us → us +unchanged")
        .contains("RESIDENCY  holds · no user traffic is rerouted\n");
  }

  @Test
  void strictSpecWhoseShardWouldFailOverAcrossABorderIsRefusedBeforeTheWhatIf() throws IOException {
    String spec = ukAndContinentEuShards("strict");

    CommandRun run = whatIf(spec, "--fail", "uk");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).allMatch(l -> l.startsWith(spec + ": residency.allowedTransfers: "))
        .anyMatch(l -> l.contains("failover of users' traffic from \"uk\" (UK) to \"eu\" (EU) crosses a jurisdiction"));
  }

  @Test
  void withoutResidencyTheWhatIfShowsTheCrossingUnchecked() throws IOException {
    CommandRun run = whatIf(ukAndContinentEuShards("none"), "--fail", "uk");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .containsPattern("GB +uk → eu +moved")
        .contains("RESIDENCY  none · not checked\n")
        .containsPattern("failover of users' traffic +uk \\(UK\\) → eu \\(EU\\) +crosses a border\n");
  }

  @Test
  void everySiteDownLeavesEveryoneUnserved() {
    CommandRun run = whatIf(UK_EU, "--fail", "london", "frankfurt");

    assertThat(run.out()).containsPattern("everyone +london → UNSERVED \\(no answer\\) +lost")
        .contains("CAPACITY  0 of 8");
  }

  @Test
  void sitesToFailMayBeCommaSeparated() {
    assertThat(whatIf(UK_EU, "--fail", "london,frankfurt").out()).startsWith("chat-eu-dr with london, frankfurt down\n");
  }

  @Test
  void jsonWhatIfHasTheDocumentedFields() throws IOException {
    CommandRun run = whatIf(UK_EU, "--fail", "london", "--format", "json");
    JsonNode report = new ObjectMapper().readTree(run.out());

    assertThat(report.get("failedSites")).extracting(JsonNode::asText).containsExactly("london");
    JsonNode everyone = report.get("userGroups").get(0);
    assertThat(everyone.get("users").asText()).isEqualTo("everyone");
    assertThat(everyone.get("nowServedBy").asText()).isEqualTo("frankfurt");
    assertThat(report.get("trippedHealthChecks")).extracting(JsonNode::asText).containsExactly("london");
    assertThat(report.get("failoverSeconds").asInt()).isEqualTo(60);
    assertThat(report.get("scalingUpFromZero")).extracting(JsonNode::asText).containsExactly("frankfurt");
    assertThat(report.get("residencyHolds").asBoolean()).isTrue();
    assertThat(report.get("reroutedFlows").get(0).get("toJurisdiction").asText()).isEqualTo("EU");
  }

  @Test
  void jsonWhatIfGivesNullForUnservedUsers() throws IOException {
    JsonNode report = new ObjectMapper().readTree(whatIf(SHARDS, "--fail", "uk", "--format", "json").out());

    assertThat(report.get("userGroups").get(0).get("users").asText()).isEqualTo("GB");
    assertThat(report.get("userGroups").get(0).get("nowServedBy").isNull()).isTrue();
  }

  @Test
  void unknownSiteExitsTwoNamingTheSites() {
    CommandRun run = whatIf(UK_EU, "--fail", "paris");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(UK_EU + ": --fail: no site named \"paris\" (the sites are london, frankfurt)\n");
  }

  @Test
  void mermaidWithFailIsAUsageError() {
    CommandRun run = whatIf(UK_EU, "--fail", "london", "--format", "mermaid");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).singleElement().asString().contains("--format mermaid", "text or json");
  }
}
