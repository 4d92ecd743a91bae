package dev.meridian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code meridian plan} in its three formats, on the examples. */
class PlanCommandTest {

  private static final String UK_EU = CommandRun.EXAMPLES.resolve("active-passive-uk-eu.json").toString();
  private static final String SHARDS = CommandRun.EXAMPLES.resolve("regional-sharding.jsonnet").toString();

  private static CommandRun plan(String spec, String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("plan", "-J", CommandRun.JSONNET.toString(), spec));
    args.addAll(List.of(options));
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return run;
  }

  @Test
  void textPlanOpensWithDeploymentPatternSitesAndDnsName() {
    assertThat(plan(UK_EU).out())
        .startsWith("chat-eu-dr · active-passive · 2 sites · chat.example.com (zone example.com)\n");
  }

  @Test
  void textPlanListsEachSiteWithRoleJurisdictionAndCapacity() {
    assertThat(plan(UK_EU).out())
        .containsPattern("london +primary +UK +aws eu-west-2 +g6\\.xlarge × 2\\.\\.4")
        .containsPattern("frankfurt +standby +EU +aws eu-central-1 +g6\\.xlarge × 0\\.\\.4 \\(pilot light\\)");
  }

  @Test
  void textPlanShowsFailoverRoutingWithItsTimeAndBothRecords() {
    assertThat(plan(UK_EU).out())
        .contains("DNS  failover · TTL 30 s · health check HTTPS :443 /health every 10 s, unhealthy after 3 → failover in ≤ 60 s")
        .containsPattern("chat\\.example\\.com +→ london +health-checked +PRIMARY")
        .containsPattern("chat\\.example\\.com +→ frankfurt +health-checked +SECONDARY");
  }

  @Test
  void textPlanMarksAllowedBorderCrossingsOfUserData() {
    assertThat(plan(UK_EU).out())
        .containsPattern("user +vector snapshot copy +london \\(UK\\) → frankfurt \\(EU\\) +crosses a border: allowed")
        .containsPattern("artifact +artifact replication +london \\(UK\\) → frankfurt \\(EU\\)\n");
  }

  @Test
  void textPlanGivesTheResidencyVerdict() {
    assertThat(plan(UK_EU).out())
        .contains("RESIDENCY  strict · 2 user-data flows cross a border, all allowed (UK → EU)\n");
    assertThat(plan(SHARDS).out()).contains("RESIDENCY  strict · no user data crosses a border\n");
  }

  @Test
  void textPlanGivesTheHourlyCostRangeAndItsLines() {
    assertThat(plan(UK_EU).out())
        .contains("COST  $2.78 – $8.69 per hour on demand\n")
        .containsPattern("frankfurt +gpu fleet +g6\\.xlarge × 0\\.\\.4 +@ \\$1\\.01 +\\$0\\.00 – \\$4\\.03");
  }

  @Test
  void textPlanGroupsShardCountriesIntoOneLine() {
    assertThat(plan(SHARDS).out())
        .containsPattern("api\\.example\\.com +→ eu +health-checked +countries AT BE .* \\(27\\)")
        .containsPattern("api\\.example\\.com +→ uk +health-checked +country GB");
  }

  @Test
  void jsonPlanHasTheDocumentedFields() throws IOException {
    JsonNode plan = new ObjectMapper().readTree(plan(UK_EU, "--format", "json").out());

    assertThat(fieldNames(plan)).containsExactly("deployment", "pattern", "sites", "dns", "flows", "costUsdPerHour", "warnings");
    assertThat(plan.get("deployment").asText()).isEqualTo("chat-eu-dr");
    assertThat(plan.get("pattern").asText()).isEqualTo("active-passive");
    JsonNode london = plan.get("sites").get(0);
    assertThat(fieldNames(london)).contains("name", "role", "jurisdiction", "kind", "awsRegion", "fleet", "vectorStore");
    assertThat(london.get("awsRegion").asText()).isEqualTo("eu-west-2");
    assertThat(london.get("fleet").get("max").asInt()).isEqualTo(4);
  }

  @Test
  void jsonPlanDnsHasPolicyHealthCheckAndRecords() throws IOException {
    JsonNode dns = new ObjectMapper().readTree(plan(UK_EU, "--format", "json").out()).get("dns");

    assertThat(dns.get("policy").asText()).isEqualTo("failover");
    assertThat(dns.get("ttl").asInt()).isEqualTo(30);
    assertThat(dns.get("failoverSeconds").asInt()).isEqualTo(60);
    assertThat(dns.get("healthCheck").get("path").asText()).isEqualTo("/health");
    assertThat(dns.get("records")).extracting(r -> r.get("site").asText() + " " + r.get("rule").asText())
        .containsExactly("london PRIMARY", "frankfurt SECONDARY");
  }

  @Test
  void jsonPlanFlowsCarryDataClassJurisdictionsAndVerdict() throws IOException {
    JsonNode flows = new ObjectMapper().readTree(plan(UK_EU, "--format", "json").out()).get("flows");

    assertThat(flows).extracting(f -> String.join(" ", f.get("kind").asText(), f.get("dataClass").asText(),
            f.get("fromJurisdiction").asText(), f.get("toJurisdiction").asText(),
            f.get("crossesBorder").asText(), f.get("allowed").asText()))
        .contains("failover-traffic user UK EU true true", "artifact-replication artifact UK EU true true");
  }

  @Test
  void jsonPlanCostIsInDecimalStrings() throws IOException {
    JsonNode cost = new ObjectMapper().readTree(plan(UK_EU, "--format", "json").out()).get("costUsdPerHour");

    assertThat(cost.get("min").isTextual()).isTrue();
    assertThat(cost.get("min").asText()).startsWith("2.7");
    assertThat(cost.get("max").asText()).startsWith("8.6");
    assertThat(cost.get("lines")).hasSize(4);
  }

  @Test
  void mermaidPlanIsAFencedFlowchart() {
    String mermaid = plan(UK_EU, "--format", "mermaid").out();

    assertThat(mermaid).startsWith("```mermaid\nflowchart LR\n").endsWith("```\n");
  }

  @Test
  void mermaidPlanHasASubgraphPerJurisdiction() {
    String mermaid = plan(SHARDS, "--format", "mermaid").out();

    assertThat(Pattern.compile("(?m)^  subgraph ").matcher(mermaid).results().count()).isEqualTo(3);
    assertThat(mermaid).contains("subgraph j_UK[\"UK\"]", "subgraph j_EU[\"EU\"]", "subgraph j_US[\"US\"]");
  }

  @Test
  void mermaidPlanHasAnEdgeFromTheDnsNamePerRecord() {
    String mermaid = plan(UK_EU, "--format", "mermaid").out();

    assertThat(mermaid.lines().filter(l -> l.startsWith("  dns "))).containsExactly(
        "  dns -- \"PRIMARY\" --> s_london",
        "  dns -. \"SECONDARY\" .-> s_frankfurt");
  }

  @Test
  void mermaidPlanDrawsUserDataAcrossABorderThick() {
    assertThat(plan(UK_EU, "--format", "mermaid").out())
        .contains("s_london == \"vector snapshot copy (user)\" ==> s_frankfurt");
  }

  @Test
  void planOfAnInvalidSpecExitsTwoWithoutOutput() {
    CommandRun run = CommandRun.of("plan", "no-such-spec.json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("no-such-spec.json: no such file\n");
  }

  @Test
  void samePlanTwiceIsByteIdentical() {
    assertThat(plan(SHARDS, "--format", "json").out()).isEqualTo(plan(SHARDS, "--format", "json").out());
  }

  private static List<String> fieldNames(JsonNode node) {
    return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
  }
}
