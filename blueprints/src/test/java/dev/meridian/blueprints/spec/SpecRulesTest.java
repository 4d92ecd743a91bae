package dev.meridian.blueprints.spec;

import static dev.meridian.blueprints.spec.SpecFixture.variant;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One breach of each rule of a valid spec, and the exact line it is reported as. */
class SpecRulesTest {

  @TempDir
  Path dir;

  private SpecFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new SpecFixture(dir);
  }

  @Test
  void theValidFixtureHasNoProblems() {
    assertThat(fixture.problems(SpecFixture.VALID)).isEmpty();
  }

  @Test
  void apiVersionMustBeExact() {
    assertThat(fixture.problems(variant("\"meridian/v1\"", "\"meridian/v2\""))).containsExactly(
        "spec.json:2: apiVersion: \"meridian/v2\" is not supported (use \"meridian/v1\")");
  }

  @Test
  void nameMustBeLowercaseWithHyphens() {
    assertThat(fixture.problems(variant("\"name\": \"chat\"", "\"name\": \"Chat_1\""))).containsExactly(
        "spec.json:3: name: \"Chat_1\" is not a valid name (lowercase letters, digits and hyphens, 2 to 31"
            + " characters, starting with a letter)");
  }

  @Test
  void unknownPatternSuggestsTheClosest() {
    assertThat(fixture.problems(variant("\"active-passive\"", "\"active-pasive\""))).containsExactly(
        "spec.json:4: pattern: \"active-pasive\" is not allowed (did you mean \"active-passive\"?)");
  }

  @Test
  void accountIsTwelveDigits() {
    assertThat(fixture.problems(variant("\"name\": \"chat\",", "\"name\": \"chat\", \"account\": \"12345\",")))
        .containsExactly("spec.json:3: account: \"12345\" is not an AWS account id (12 digits)");
  }

  @Test
  void unknownTopLevelFieldSuggestsTheClosest() {
    assertThat(fixture.problems(variant("\"logging\":", "\"loging\":"))).containsExactly(
        "spec.json:20: loging: unknown field (did you mean \"logging\"?)");
  }

  @Test
  void unknownNestedFieldSuggestsTheClosest() {
    assertThat(fixture.problems(variant("\"ttl\": 60", "\"tll\": 60"))).containsExactly(
        "spec.json:8: dns.tll: unknown field (did you mean \"ttl\"?)");
  }

  @Test
  void unknownFieldWithoutCloseMatchListsTheKnownOnes() {
    assertThat(fixture.problems(variant("\"retentionDays\": 30", "\"retentionDays\": 30, \"bucket\": \"x\"")))
        .containsExactly("spec.json:20: logging.bucket: unknown field (known fields: retentionDays)");
  }

  @Test
  void wrongTypeNamesTheExpectedType() {
    assertThat(fixture.problems(variant("\"min\": 1, \"max\": 4", "\"min\": \"2\", \"max\": 4"))).containsExactly(
        "spec.json:16: gpu.min: expected an integer from 0 to 1000, got the string \"2\"");
  }

  @Test
  void hugeNumbersAreOutOfRangeNotOverflowed() {
    assertThat(fixture.problems(variant("\"min\": 1, \"max\": 4", "\"min\": 1e400, \"max\": 99999999999999999999")))
        .containsExactly(
            "spec.json:16: gpu.max: 99999999999999999999 is out of range (expected an integer from 1 to 1000)",
            "spec.json:16: gpu.min: 1e400 is out of range (expected an integer from 0 to 1000)");
  }

  @Test
  void fractionsAreNotIntegers() {
    assertThat(fixture.problems(variant("\"ttl\": 60", "\"ttl\": 60.5"))).containsExactly(
        "spec.json:8: dns.ttl: 60.5 is not a whole number (expected an integer from 1 to 86400)");
  }

  @Test
  void missingRequiredFieldIsReportedAtItsObject() {
    assertThat(fixture.problems(variant("\"zone\": \"example.com\",", ""))).containsExactly(
        "spec.json:5: dns.zone: required field is missing (the hosted zone, e.g. \"example.com\")");
  }

  @Test
  void duplicateKeysAreProblems() {
    assertThat(fixture.problems(variant("\"ttl\": 60,", "\"ttl\": 60, \"ttl\": 30,"))).containsExactly(
        "spec.json:8: dns.ttl: duplicate field (first at line 8); keep one");
  }

  @Test
  void recordMustLieInsideTheZone() {
    assertThat(fixture.problems(variant("\"api.example.com\"", "\"api.example.org\""))).containsExactly(
        "spec.json:7: dns.record: \"api.example.org\" is not inside the zone \"example.com\" (use a name ending in"
            + " \".example.com\")");
  }

  @Test
  void ttlIsAtLeastOneSecond() {
    assertThat(fixture.problems(variant("\"ttl\": 60", "\"ttl\": 0"))).containsExactly(
        "spec.json:8: dns.ttl: 0 is out of range (expected an integer from 1 to 86400)");
  }

  @Test
  void hostedZoneIdIsARoute53ZoneId() {
    assertThat(fixture.problems(variant("\"ttl\": 60", "\"ttl\": 60, \"hostedZoneId\": \"example.com\"")))
        .containsExactly("spec.json:8: dns.hostedZoneId: \"example.com\" is not a Route 53 hosted zone id (\"Z\""
            + " then up to 32 capital letters or digits, e.g. \"Z0123456789ABCDEFGHIJ\")");
  }

  @Test
  void twoStandbysNeedTheHostedZoneIdForTheirFailoverChain() {
    assertThat(fixture.problems(variant("\"role\": \"standby\", \"gpu\": { \"min\": 0 } }",
        "\"role\": \"standby\", \"gpu\": { \"min\": 0 } },\n          { \"name\": \"dublin\", \"awsRegion\": \"eu-west-1\", \"role\": \"standby\", \"gpu\": { \"instanceType\": \"g5.xlarge\" } }")))
        .containsExactly("spec.json:5: dns.hostedZoneId: missing: 2 standbys chain their failover records through"
            + " aliases, which name the hosted zone by id (add the zone's id, e.g. \"Z0123456789ABCDEFGHIJ\")");
  }

  @Test
  void twoSitesMayNotShareAnAwsRegion() {
    assertThat(fixture.problems(variant("\"awsRegion\": \"eu-central-1\"", "\"awsRegion\": \"eu-west-2\"")))
        .containsExactly("spec.json:11: regions: \"frankfurt\" and \"london\" are both in eu-west-2 (one site per AWS"
            + " region: a site's stack, bucket names and DNS names are per region)");
  }

  @Test
  void hostedZoneIdIsAbsentByDefault() throws SpecException {
    assertThat(fixture.load(SpecFixture.VALID).deployment().dns().hostedZoneId()).isEmpty();
  }

  @Test
  void hostedZoneIdIsKeptAsGiven() throws SpecException {
    Dns dns = fixture.load(variant("\"ttl\": 60", "\"ttl\": 60, \"hostedZoneId\": \"Z0123456789ABC\""))
        .deployment().dns();
    assertThat(dns.hostedZoneId()).contains("Z0123456789ABC");
  }

  @Test
  void healthCheckIntervalIsTenOrThirty() {
    assertThat(fixture.problems(variant("\"intervalSeconds\": 10", "\"intervalSeconds\": 15"))).containsExactly(
        "spec.json:9: dns.healthCheck.intervalSeconds: 15 is not a Route 53 interval (10 or 30)");
  }

  @Test
  void healthCheckProtocolIsHttpOrHttps() {
    assertThat(fixture.problems(variant("\"protocol\": \"HTTPS\"", "\"protocol\": \"TCP\""))).containsExactly(
        "spec.json:9: dns.healthCheck.protocol: \"TCP\" is not allowed (one of: HTTPS, HTTP)");
  }

  @Test
  void healthCheckPathStartsWithSlash() {
    assertThat(fixture.problems(variant("\"path\": \"/health\"", "\"path\": \"health\""))).containsExactly(
        "spec.json:9: dns.healthCheck.path: \"health\" is not a request path (it starts with \"/\" and has no"
            + " spaces)");
  }

  @Test
  void healthCheckPortAndThresholdAreBounded() {
    assertThat(fixture.problems(variant("\"port\": 443", "\"port\": 70000", "\"failureThreshold\": 3",
        "\"failureThreshold\": 11"))).containsExactly(
        "spec.json:9: dns.healthCheck.failureThreshold: 11 is out of range (expected an integer from 1 to 10)",
        "spec.json:9: dns.healthCheck.port: 70000 is out of range (expected an integer from 1 to 65535)");
  }

  @Test
  void unknownAwsRegionSuggestsTheClosest() {
    assertThat(fixture.problems(variant("\"eu-central-1\"", "\"eu-west-9\""))).containsExactly(
        "spec.json:13: regions[1].awsRegion: \"eu-west-9\" is not an AWS commercial region (did you mean"
            + " \"eu-west-1\"?)");
  }

  @Test
  void regionNamesAreUnique() {
    assertThat(fixture.problems(variant("\"frankfurt\"", "\"london\""))).containsExactly(
        "spec.json:13: regions[1].name: \"london\" is already the name of regions[0] (region names are unique)");
  }

  @Test
  void regionNamesAreShortAndLowercase() {
    assertThat(fixture.problems(variant("\"london\"", "\"London\""))).containsExactly(
        "spec.json:12: regions[0].name: \"London\" is not a valid region name (lowercase letters, digits and"
            + " hyphens, 1 to 21 characters, starting with a letter)");
  }

  @Test
  void aRegionIsAwsOrDedicatedNotBoth() {
    assertThat(fixture.problems(variant("\"awsRegion\": \"eu-west-2\",",
        "\"awsRegion\": \"eu-west-2\", \"dedicated\": { \"jurisdiction\": \"UK\", \"endpoints\": [\"203.0.113.10\"] },")))
        .containsExactly("spec.json:12: regions[0]: has both awsRegion and dedicated (a site is one or the other)");
  }

  @Test
  void aRegionNeedsAwsRegionOrDedicated() {
    assertThat(fixture.problems(variant("\"awsRegion\": \"eu-west-2\",", ""))).containsExactly(
        "spec.json:12: regions[0]: needs awsRegion (an AWS region Meridian provisions) or dedicated (a server of"
            + " your own)");
  }

  @Test
  void dedicatedEndpointsArePublicIpv4Addresses() {
    assertThat(fixture.problems(variant("\"awsRegion\": \"eu-central-1\", \"role\": \"standby\", \"gpu\": { \"min\": 0 }",
        "\"role\": \"standby\", \"dedicated\": { \"jurisdiction\": \"UK\", \"endpoints\": [\"10.0.0.1\", \"300.1.1.1\"] }")))
        .containsExactly(
            "spec.json:13: regions[1].dedicated.endpoints[0]: \"10.0.0.1\" is not a public address (Route 53 health"
                + " checks need one)",
            "spec.json:13: regions[1].dedicated.endpoints[1]: \"300.1.1.1\" is not an IPv4 address (each part is 0"
                + " to 255, without leading zeros)");
  }

  @Test
  void dedicatedNeedsAtLeastOneEndpoint() {
    assertThat(fixture.problems(variant("\"awsRegion\": \"eu-central-1\", \"role\": \"standby\", \"gpu\": { \"min\": 0 }",
        "\"role\": \"standby\", \"dedicated\": { \"jurisdiction\": \"UK\", \"endpoints\": [] }")))
        .containsExactly("spec.json:13: regions[1].dedicated.endpoints: needs at least one public IPv4 address");
  }

  @Test
  void dedicatedJurisdictionIsKnown() {
    assertThat(fixture.problems(variant("\"awsRegion\": \"eu-central-1\", \"role\": \"standby\", \"gpu\": { \"min\": 0 }",
        "\"role\": \"standby\", \"dedicated\": { \"jurisdiction\": \"GB\", \"endpoints\": [\"203.0.113.10\"] }")))
        .containsExactly("spec.json:13: regions[1].dedicated.jurisdiction: \"GB\" is not a known jurisdiction (the"
            + " United Kingdom's jurisdiction is \"UK\")");
  }

  @Test
  void aDedicatedSiteHasNoGpuFleet() {
    assertThat(fixture.problems(variant("\"awsRegion\": \"eu-central-1\", \"role\": \"standby\"",
        "\"role\": \"standby\", \"dedicated\": { \"jurisdiction\": \"UK\", \"endpoints\": [\"203.0.113.10\"] }")))
        .containsExactly("spec.json:13: regions[1].gpu: a dedicated site is not provisioned, so it has no gpu fleet"
            + " (describe its GPUs in dedicated.gpu)");
  }

  @Test
  void rolesFitThePattern() {
    assertThat(fixture.problems(variant("\"role\": \"standby\"", "\"role\": \"active\""))).containsExactly(
        "spec.json:11: regions: active-passive needs at least one standby, got none",
        "spec.json:13: regions[1].gpu.min: min 0 (pilot light) is only for a standby; active \"frankfurt\" needs at"
            + " least 1 instance",
        "spec.json:13: regions[1].role: \"active\" does not fit active-passive (roles there: primary, standby)");
  }

  @Test
  void activePassiveHasExactlyOnePrimary() {
    assertThat(fixture.problems(variant("\"role\": \"standby\", \"gpu\": { \"min\": 0 }", "\"role\": \"primary\"")))
        .containsExactly(
            "spec.json:11: regions: active-passive needs at least one standby, got none",
            "spec.json:11: regions: active-passive needs exactly one primary, got 2 (london, frankfurt)");
  }

  @Test
  void hubAndSpokeHasExactlyOneHub() {
    assertThat(fixture.problems(variant("\"active-passive\"", "\"hub-and-spoke\"", "\"primary\"", "\"spoke\"",
        "\"role\": \"standby\", \"gpu\": { \"min\": 0 }", "\"role\": \"spoke\""))).containsExactly(
        "spec.json:11: regions: hub-and-spoke needs exactly one hub, got none");
  }

  @Test
  void singleRegionHasExactlyOneRegion() {
    assertThat(fixture.problems(variant("\"active-passive\"", "\"single-region\"",
        "\"role\": \"standby\", \"gpu\": { \"min\": 0 }", "\"role\": \"primary\""))).containsExactly(
        "spec.json:11: regions: single-region needs exactly 1 region, got 2");
  }

  @Test
  void singleRegionNeedsAFallback() {
    String spec = variant("\"active-passive\"", "\"single-region\"",
        ",\n    { \"name\": \"frankfurt\", \"awsRegion\": \"eu-central-1\", \"role\": \"standby\", \"gpu\": { \"min\": 0 } }",
        "",
        ",\n  \"fallback\": { \"provider\": \"bedrock\", \"region\": \"eu-west-2\", \"model\": \"anthropic.claude-3-5-sonnet\" }",
        "");
    assertThat(fixture.problems(spec)).containsExactly(
        "spec.json:1: fallback: required field is missing (single-region needs a hosted API fallback: provider,"
            + " region, model)");
  }

  @Test
  void activeActiveHasAtLeastTwoRegions() {
    String spec = variant("\"active-passive\"", "\"active-active\"", "\"primary\"", "\"active\"",
        ",\n    { \"name\": \"frankfurt\", \"awsRegion\": \"eu-central-1\", \"role\": \"standby\", \"gpu\": { \"min\": 0 } }",
        "");
    assertThat(fixture.problems(spec)).containsExactly(
        "spec.json:11: regions: active-active needs at least 2 regions, got 1 (use single-region for one)");
  }

  @Test
  void regionalShardingNeedsServesOnEveryRegion() {
    String spec = variant("\"active-passive\"", "\"regional-sharding\"",
        "\"role\": \"primary\"", "\"role\": \"active\", \"serves\": [\"GB\"]",
        "\"role\": \"standby\", \"gpu\": { \"min\": 0 }", "\"role\": \"active\"");
    assertThat(fixture.problems(spec)).containsExactly(
        "spec.json:13: regions[1].serves: regional-sharding needs the country or continent codes this region serves"
            + " (e.g. [\"GB\"])");
  }

  @Test
  void servedCodesAreCountriesOrContinents() {
    String spec = variant("\"active-passive\"", "\"regional-sharding\"",
        "\"role\": \"primary\"", "\"role\": \"active\", \"serves\": [\"UK\"]",
        "\"role\": \"standby\", \"gpu\": { \"min\": 0 }", "\"role\": \"active\", \"serves\": [\"EU\", \"XX\"]");
    assertThat(fixture.problems(spec)).containsExactly(
        "spec.json:12: regions[0].serves[0]: \"UK\" is not an ISO-3166 alpha-2 country code or a continent code (AF,"
            + " AN, AS, EU, NA, OC, SA) (the United Kingdom's code is \"GB\")",
        "spec.json:13: regions[1].serves[1]: \"XX\" is not an ISO-3166 alpha-2 country code or a continent code (AF,"
            + " AN, AS, EU, NA, OC, SA)");
  }

  @Test
  void noCodeIsServedTwice() {
    String spec = variant("\"active-passive\"", "\"regional-sharding\"",
        "\"role\": \"primary\"", "\"role\": \"active\", \"serves\": [\"GB\", \"FR\"]",
        "\"role\": \"standby\", \"gpu\": { \"min\": 0 }", "\"role\": \"active\", \"serves\": [\"DE\", \"FR\"]");
    assertThat(fixture.problems(spec)).containsExactly(
        "spec.json:13: regions[1].serves[1]: \"FR\" is already served by \"london\" (each code routes to one region)");
  }

  @Test
  void servesIsOnlyForRegionalSharding() {
    assertThat(fixture.problems(variant("\"role\": \"primary\"", "\"role\": \"primary\", \"serves\": [\"GB\"]")))
        .containsExactly("spec.json:12: regions[0].serves: only regional-sharding routes by country (remove it for"
            + " active-passive)");
  }

  @Test
  void defaultRegionIsOnlyForRegionalSharding() {
    assertThat(fixture.problems(variant("\"ttl\": 60,", "\"ttl\": 60, \"defaultRegion\": \"london\","))).containsExactly(
        "spec.json:8: dns.defaultRegion: only regional-sharding has a default region (remove it; active-passive"
            + " routes every user already)");
  }

  @Test
  void defaultRegionNamesARegion() {
    String spec = variant("\"active-passive\"", "\"regional-sharding\"", "\"ttl\": 60,",
        "\"ttl\": 60, \"defaultRegion\": \"londn\",",
        "\"role\": \"primary\"", "\"role\": \"active\", \"serves\": [\"GB\"]",
        "\"role\": \"standby\", \"gpu\": { \"min\": 0 }", "\"role\": \"active\", \"serves\": [\"DE\"]");
    assertThat(fixture.problems(spec)).containsExactly(
        "spec.json:8: dns.defaultRegion: \"londn\" is not a region of this spec (did you mean \"london\"?)");
  }

  @Test
  void unknownGpuTypeSuggestsTheClosest() {
    assertThat(fixture.problems(variant("\"g6.xlarge\"", "\"g6.xlarg\""))).containsExactly(
        "spec.json:16: gpu.instanceType: \"g6.xlarg\" is not a known GPU instance type (did you mean"
            + " \"g6.xlarge\"?)");
  }

  @Test
  void aGpuTypeARegionDoesNotOfferIsAWarningNamingWhereItIs() {
    assertThat(fixture.problems(variant("\"g6.xlarge\"", "\"g6e.xlarge\""))).containsExactly(
        "spec.json:12: warning: regions[0].awsRegion: g6e.xlarge is not offered in eu-west-2 (\"london\") as far as"
            + " the catalog knows; regions that offer it: eu-central-1, us-east-1, us-east-2, us-west-2");
  }

  @Test
  void minMustNotExceedMax() {
    assertThat(fixture.problems(variant("\"min\": 1, \"max\": 4", "\"min\": 5, \"max\": 2"))).containsExactly(
        "spec.json:16: gpu.min: gpu.min (5) must be ≤ gpu.max (2)");
  }

  @Test
  void aRegionOverrideMustNotPushMinAboveMax() {
    assertThat(fixture.problems(variant("\"gpu\": { \"min\": 0 }", "\"gpu\": { \"min\": 6 }"))).containsExactly(
        "spec.json:13: regions[1].gpu.min: gpu.min (6) must be ≤ gpu.max (4)");
  }

  @Test
  void onlyAStandbyMayBePilotLight() {
    assertThat(fixture.problems(variant("\"role\": \"primary\"", "\"role\": \"primary\", \"gpu\": { \"min\": 0 }")))
        .containsExactly("spec.json:12: regions[0].gpu.min: min 0 (pilot light) is only for a standby; primary"
            + " \"london\" needs at least 1 instance");
  }

  @Test
  void theModelNameIsRequired() {
    assertThat(fixture.problems(variant("\"name\": \"meta-llama/Llama-3.1-8B-Instruct\", ", ""))).containsExactly(
        "spec.json:17: gpu.model.name: required field is missing (the model served, e.g."
            + " \"meta-llama/Llama-3.1-8B-Instruct\")");
  }

  @Test
  void replicationFactorMustNotExceedNodes() {
    assertThat(fixture.problems(variant("\"replicationFactor\": 2", "\"replicationFactor\": 4"))).containsExactly(
        "spec.json:19: vectorStore.replicationFactor: replicationFactor (4) must be ≤ nodes (3)");
  }

  @Test
  void vectorStoreFieldsAreBounded() {
    assertThat(fixture.problems(variant("\"shards\": 6, \"content\": \"user\"",
        "\"shards\": 0, \"content\": \"derived\", \"volumeGiB\": 20000, \"engine\": \"qdrant\"")))
        .contains(
            "spec.json:19: vectorStore.content: \"derived\" is not allowed (one of: user, artifact)",
            "spec.json:19: vectorStore.shards: 0 is out of range (expected an integer from 1 to 1000)",
            "spec.json:19: vectorStore.volumeGiB: 20000 is out of range (expected an integer from 1 to 16384)");
  }

  @Test
  void theOnlyVectorEngineIsQdrant() {
    assertThat(fixture.problems(variant("\"engine\": \"qdrant\"", "\"engine\": \"milvus\""))).containsExactly(
        "spec.json:19: vectorStore.engine: \"milvus\" is not allowed (one of: qdrant)");
  }

  @Test
  void logRetentionIsACloudWatchPeriod() {
    assertThat(fixture.problems(variant("\"retentionDays\": 30", "\"retentionDays\": 31"))).containsExactly(
        "spec.json:20: logging.retentionDays: 31 is not a CloudWatch Logs retention period (nearest: 30; allowed: 1,"
            + " 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)");
  }

  @Test
  void residencyModeIsStrictOrNone() {
    assertThat(fixture.problems(variant("\"mode\": \"strict\"", "\"mode\": \"lax\""))).containsExactly(
        "spec.json:21: residency.mode: \"lax\" is not allowed (one of: strict, none)");
  }

  @Test
  void allowedTransfersNameKnownJurisdictions() {
    assertThat(fixture.problems(variant("{ \"from\": \"UK\", \"to\": \"EU\" }",
        "{ \"from\": \"UK\", \"to\": \"UK\" }, { \"from\": \"EUU\", \"to\": \"US\" }"))).containsExactly(
        "spec.json:21: residency.allowedTransfers[0].to: a transfer from UK to itself is always allowed (remove it)",
        "spec.json:21: residency.allowedTransfers[1].from: \"EUU\" is not a known jurisdiction (did you mean"
            + " \"EU\"?)");
  }

  @Test
  void evalScheduleIsASchedulerExpression() {
    assertThat(fixture.problems(variant("\"rate(1 day)\"", "\"rate(2 day)\""))).containsExactly(
        "spec.json:23: eval.schedule: \"rate(2 day)\": use a plural unit with 2 (e.g. \"rate(1 day)\","
            + " \"rate(5 minutes)\")");
  }

  @Test
  void drillScheduleCronHasSixFields() {
    assertThat(fixture.problems(variant("\"cron(0 10 ? * TUE *)\"", "\"cron(0 10 * * TUE)\""))).containsExactly(
        "spec.json:24: drills.schedule: \"cron(0 10 * * TUE)\": cron needs 6 fields (minutes hours day-of-month month"
            + " day-of-week year), got 5");
  }

  @Test
  void drillDurationIsBounded() {
    assertThat(fixture.problems(variant("\"durationMinutes\": 15", "\"durationMinutes\": 721"))).containsExactly(
        "spec.json:24: drills.durationMinutes: 721 is out of range (expected an integer from 1 to 720)");
  }

  @Test
  void fallbackProviderIsKnown() {
    assertThat(fixture.problems(variant("\"provider\": \"bedrock\"", "\"provider\": \"bedrok\""))).containsExactly(
        "spec.json:25: fallback.provider: \"bedrok\" is not allowed (did you mean \"bedrock\"?)");
  }

  @Test
  void bedrockFallbackRegionIsAnAwsRegion() {
    assertThat(fixture.problems(variant("\"region\": \"eu-west-2\"", "\"region\": \"london\""))).containsExactly(
        "spec.json:25: fallback.region: \"london\" is not an AWS commercial region");
  }

  @Test
  void aSpecIsAnObject() {
    assertThat(fixture.problems("[1, 2]")).containsExactly("spec.json:1: a spec is one JSON object, got an array");
  }

  @Test
  void everyProblemIsReportedAtOnceSortedByLine() {
    assertThat(fixture.problems(variant("\"meridian/v1\"", "\"v1\"", "\"retentionDays\": 30", "\"retentionDays\": 2",
        "\"ttl\": 60", "\"ttl\": -1"))).extracting(line -> line.substring(0, line.indexOf(':', 10)))
        .containsExactly("spec.json:2", "spec.json:8", "spec.json:20");
  }

  @Test
  void problemsOnOneLineFollowTheFieldsInReadingOrder() {
    String regions = IntStream.range(0, 11)
        .mapToObj(i -> "{ \"name\": \"r" + i + "\", \"awsRegion\": \"mars-" + i + "\", \"role\": \"standby\" }")
        .collect(Collectors.joining(", "));
    assertThat(fixture.problems(variant("\"regions\": [", "\"regions\": [" + regions + ",",
        "\"ttl\": 60,", "\"ttl\": 60, \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\",")))
        .extracting(line -> line.substring("spec.json:12: ".length(), line.indexOf(".awsRegion")))
        .containsExactly("regions[0]", "regions[1]", "regions[2]", "regions[3]", "regions[4]", "regions[5]",
            "regions[6]", "regions[7]", "regions[8]", "regions[9]", "regions[10]");
  }

  @Test
  void aZoneWithATrailingDotIsTheSameZone() throws SpecException {
    Dns dns = fixture.load(variant("\"example.com\",", "\"example.com.\",")).deployment().dns();
    assertThat(dns.zone()).isEqualTo("example.com");
  }
}
