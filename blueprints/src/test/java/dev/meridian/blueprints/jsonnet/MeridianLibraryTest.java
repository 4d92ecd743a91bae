package dev.meridian.blueprints.jsonnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meridian.blueprints.catalog.Catalog;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.Dedicated;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Drills;
import dev.meridian.blueprints.spec.Eval;
import dev.meridian.blueprints.spec.Fallback;
import dev.meridian.blueprints.spec.Gpu;
import dev.meridian.blueprints.spec.HealthCheck;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Region;
import dev.meridian.blueprints.spec.Residency;
import dev.meridian.blueprints.spec.Role;
import dev.meridian.blueprints.spec.SpecException;
import dev.meridian.blueprints.spec.SpecLoader;
import dev.meridian.blueprints.spec.VectorStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each constructor and mixin of {@code jsonnet/meridian.libsonnet} puts into a spec: small
 * specs written with the library, loaded through {@link SpecLoader} with the repository's
 * {@code jsonnet/} folder on the import path.
 */
class MeridianLibraryTest {

  private static final Path LIBRARY_FOLDER = Path.of("..", "jsonnet");

  /** A valid active-passive spec: an AWS primary in London, a dedicated standby in the UK. */
  private static final String UK_PAIR = """
      m.activePassive.new('chat', 'example.com', 'api.example.com')
      + m.withPrimary(m.region('uk', 'eu-west-2'))
      + m.withStandby(m.dedicated('uk-colo', 'UK', ['203.0.113.10']))
      + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama-3.1-8b/'))
      """;

  @TempDir
  Path dir;

  private Deployment load(String body) throws SpecException, IOException {
    Path spec = Files.writeString(dir.resolve("spec.jsonnet"),
        "local m = import 'meridian.libsonnet';\n" + body + "\n");
    return new SpecLoader(List.of(LIBRARY_FOLDER)).load(spec).deployment();
  }

  private Deployment ukPairWith(String mixins) throws SpecException, IOException {
    return load(UK_PAIR + mixins);
  }

  @Test
  void newSetsApiVersionNamePatternAndDns() throws Exception {
    Deployment d = load(UK_PAIR);
    assertThat(d.apiVersion()).isEqualTo("meridian/v1");
    assertThat(d.name()).isEqualTo("chat");
    assertThat(d.pattern()).isEqualTo(PatternKind.ACTIVE_PASSIVE);
    assertThat(d.dns().zone()).isEqualTo("example.com");
    assertThat(d.dns().record()).isEqualTo("api.example.com");
  }

  @Test
  void unsetFieldsGetMeridiansDefaults() throws Exception {
    Deployment d = load(UK_PAIR);
    assertThat(d.dns().ttl()).isEqualTo(60);
    assertThat(d.dns().healthCheck()).isEqualTo(HealthCheck.defaults());
    assertThat(d.dns().hostedZoneId()).isEmpty();
    assertThat(d.residency().mode()).isEqualTo(Residency.Mode.STRICT);
    assertThat(d.vectorStore()).isEmpty();
    assertThat(d.account()).isEmpty();
  }

  @Test
  void activeActiveNewWithActiveMakesActiveRegions() throws Exception {
    Deployment d = load("""
        m.activeActive.new('chat', 'example.com', 'api.example.com')
        + m.withActive(m.region('virginia', 'us-east-1'))
        + m.withActive(m.region('oregon', 'us-west-2'))
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        """);
    assertThat(d.pattern()).isEqualTo(PatternKind.ACTIVE_ACTIVE);
    assertThat(d.regions()).extracting(Region::name, Region::role)
        .containsExactly(tuple("virginia", Role.ACTIVE), tuple("oregon", Role.ACTIVE));
  }

  @Test
  void activePassiveNewWithPrimaryAndStandbyKeepsTheirOrder() throws Exception {
    Deployment d = load(UK_PAIR);
    assertThat(d.regions()).extracting(Region::name).containsExactly("uk", "uk-colo");
    assertThat(d.regions()).extracting(Region::role).containsExactly(Role.PRIMARY, Role.STANDBY);
  }

  @Test
  void regionIsAnAwsSite() throws Exception {
    Region uk = load(UK_PAIR).region("uk").orElseThrow();
    assertThat(uk.awsRegion()).contains("eu-west-2");
    assertThat(uk.dedicated()).isEmpty();
  }

  @Test
  void withStandbyOfDedicatedYieldsADedicatedStandby() throws Exception {
    Region colo = load(UK_PAIR).region("uk-colo").orElseThrow();
    assertThat(colo.role()).isEqualTo(Role.STANDBY);
    assertThat(colo.awsRegion()).isEmpty();
    assertThat(colo.dedicated()).contains(new Dedicated("UK", List.of("203.0.113.10"), ""));
  }

  @Test
  void dedicatedWithGpuDescribesTheServersGpus() throws Exception {
    Deployment d = load("""
        m.activePassive.new('chat', 'example.com', 'api.example.com')
        + m.withPrimary(m.region('uk', 'eu-west-2'))
        + m.withStandby(m.dedicated('uk-colo', 'UK', ['203.0.113.10', '203.0.113.11'], gpu='4x RTX 4090'))
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        """);
    assertThat(d.region("uk-colo").orElseThrow().dedicated())
        .contains(new Dedicated("UK", List.of("203.0.113.10", "203.0.113.11"), "4x RTX 4090"));
  }

  @Test
  void hubAndSpokeNewWithHubAndSpokes() throws Exception {
    Deployment d = load("""
        m.hubAndSpoke.new('chat', 'example.com', 'api.example.com')
        + m.withHub(m.region('hub', 'us-east-1'))
        + m.withSpoke(m.region('west', 'us-west-2'))
        + m.withSpoke(m.region('ohio', 'us-east-2'))
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        """);
    assertThat(d.pattern()).isEqualTo(PatternKind.HUB_AND_SPOKE);
    assertThat(d.regions()).extracting(Region::role).containsExactly(Role.HUB, Role.SPOKE, Role.SPOKE);
  }

  @Test
  void singleRegionNewWithPrimaryAndFallback() throws Exception {
    Deployment d = load("""
        m.singleRegion.new('chat', 'example.com', 'api.example.com')
        + m.withPrimary(m.region('uk', 'eu-west-2'))
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        + m.withFallback('bedrock', 'eu-west-2', 'anthropic.claude-3-5-sonnet')
        """);
    assertThat(d.pattern()).isEqualTo(PatternKind.SINGLE_REGION);
    assertThat(d.regions()).extracting(Region::role).containsExactly(Role.PRIMARY);
    assertThat(d.fallback()).contains(new Fallback("bedrock", "eu-west-2", "anthropic.claude-3-5-sonnet"));
  }

  @Test
  void withShardSetsRoleActiveAndServes() throws Exception {
    Deployment d = load("""
        m.regionalSharding.new('chat', 'example.com', 'api.example.com')
        + m.withShard(m.region('uk', 'eu-west-2'), m.countries.UK)
        + m.withShard(m.region('us', 'us-east-1'), ['US', 'CA'])
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        """);
    assertThat(d.pattern()).isEqualTo(PatternKind.REGIONAL_SHARDING);
    Region uk = d.region("uk").orElseThrow();
    assertThat(uk.role()).isEqualTo(Role.ACTIVE);
    assertThat(uk.serves()).containsExactly("GB");
    assertThat(d.region("us").orElseThrow().serves()).containsExactly("US", "CA");
  }

  @Test
  void withDefaultRegionNamesTheRegionForUnlistedCountries() throws Exception {
    Deployment d = load("""
        m.regionalSharding.new('chat', 'example.com', 'api.example.com')
        + m.withShard(m.region('uk', 'eu-west-2'), m.countries.UK)
        + m.withShard(m.region('us', 'us-east-1'), m.countries.US)
        + m.withDefaultRegion('us')
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        """);
    assertThat(d.dns().defaultRegion()).contains("us");
  }

  @Test
  void countriesEuAreTheCatalogsEuMemberStates() throws Exception {
    Deployment d = load("""
        m.regionalSharding.new('chat', 'example.com', 'api.example.com')
        + m.withShard(m.region('eu', 'eu-central-1'), m.countries.EU)
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        """);
    List<String> eu = d.region("eu").orElseThrow().serves();
    assertThat(eu).hasSize(27).doesNotHaveDuplicates();
    assertThat(eu).containsExactlyInAnyOrderElementsOf(Catalog.builtIn().jurisdictions().get("EU").countries());
  }

  @Test
  void countriesUkAndChAreTheCatalogsCountriesOfThoseJurisdictions() throws Exception {
    Deployment d = load("""
        m.regionalSharding.new('chat', 'example.com', 'api.example.com')
        + m.withShard(m.region('uk', 'eu-west-2'), m.countries.UK)
        + m.withShard(m.region('ch', 'eu-central-2'), m.countries.CH)
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        """);
    Catalog catalog = Catalog.builtIn();
    assertThat(d.region("uk").orElseThrow().serves())
        .containsExactlyInAnyOrderElementsOf(catalog.jurisdictions().get("UK").countries());
    assertThat(d.region("ch").orElseThrow().serves())
        .containsExactlyInAnyOrderElementsOf(catalog.jurisdictions().get("CH").countries());
  }

  /**
   * Only the US itself: the catalog's US jurisdiction also holds territories, but American
   * Samoa's code {@code AS} is Route 53's continent code for Asia, so listing it would route Asia.
   */
  @Test
  void countriesUsIsTheUnitedStatesWithoutTerritories() throws Exception {
    Deployment d = load("""
        m.regionalSharding.new('chat', 'example.com', 'api.example.com')
        + m.withShard(m.region('us', 'us-east-1'), m.countries.US)
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        """);
    assertThat(d.region("us").orElseThrow().serves()).containsExactly("US");
  }

  @Test
  void countriesCaIsTheCatalogsCanada() throws Exception {
    Deployment d = load("""
        m.regionalSharding.new('chat', 'example.com', 'api.example.com')
        + m.withShard(m.region('ca', 'ca-central-1'), m.countries.CA)
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/'))
        """);
    assertThat(d.region("ca").orElseThrow().serves())
        .containsExactlyInAnyOrderElementsOf(Catalog.builtIn().jurisdictions().get("CA").countries());
  }

  @Test
  void siteWithCapacityOverridesTheTopLevelMinAndMax() throws Exception {
    Deployment d = load("""
        m.activePassive.new('chat', 'example.com', 'api.example.com')
        + m.withPrimary(m.region('uk', 'eu-west-2') + m.withCapacity(2, 8))
        + m.withStandby(m.region('uk-2', 'eu-central-1') + m.withCapacity(0, 4))
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/') + m.gpu.withCapacity(1, 3))
        """);
    Gpu primary = d.region("uk").orElseThrow().gpu();
    Gpu standby = d.region("uk-2").orElseThrow().gpu();
    assertThat(List.of(primary.min(), primary.max(), standby.min(), standby.max())).containsExactly(2, 8, 0, 4);
    assertThat(List.of(d.gpu().min(), d.gpu().max())).containsExactly(1, 3);
  }

  @Test
  void gpuNewSetsTheModelAndItsArtifact() throws Exception {
    Gpu gpu = load(UK_PAIR).gpu();
    assertThat(gpu.model()).isEqualTo(new Gpu.Model("meta-llama/Llama-3.1-8B-Instruct", "models/llama-3.1-8b/"));
    assertThat(gpu.instanceType()).isEqualTo(Gpu.DEFAULT_INSTANCE_TYPE);
  }

  @Test
  void gpuWithInstanceTypeChoosesTheType() throws Exception {
    Deployment d = load("""
        m.activePassive.new('chat', 'example.com', 'api.example.com')
        + m.withPrimary(m.region('uk', 'eu-west-2'))
        + m.withStandby(m.dedicated('uk-colo', 'UK', ['203.0.113.10']))
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/') + m.gpu.withInstanceType('g5.xlarge'))
        """);
    assertThat(d.gpu().instanceType()).isEqualTo("g5.xlarge");
    assertThat(d.region("uk").orElseThrow().gpu().instanceType()).isEqualTo("g5.xlarge");
  }

  @Test
  void gpuWithServerSetsImagePortAndEngine() throws Exception {
    Deployment d = load("""
        m.activePassive.new('chat', 'example.com', 'api.example.com')
        + m.withPrimary(m.region('uk', 'eu-west-2'))
        + m.withStandby(m.dedicated('uk-colo', 'UK', ['203.0.113.10']))
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/')
                    + m.gpu.withServer('ghcr.io/huggingface/text-generation-inference:2.4', port=8080, server='tgi'))
        """);
    assertThat(List.of(d.gpu().image(), d.gpu().server(), String.valueOf(d.gpu().port())))
        .containsExactly("ghcr.io/huggingface/text-generation-inference:2.4", "tgi", "8080");
  }

  @Test
  void gpuWithServerDefaultsToVllmOnPort8000() throws Exception {
    Deployment d = load("""
        m.activePassive.new('chat', 'example.com', 'api.example.com')
        + m.withPrimary(m.region('uk', 'eu-west-2'))
        + m.withStandby(m.dedicated('uk-colo', 'UK', ['203.0.113.10']))
        + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama/')
                    + m.gpu.withServer('vllm/vllm-openai:v0.6.4'))
        """);
    assertThat(List.of(d.gpu().image(), d.gpu().server(), String.valueOf(d.gpu().port())))
        .containsExactly("vllm/vllm-openai:v0.6.4", "vllm", "8000");
  }

  @Test
  void withTtlSetsTheRecordTtl() throws Exception {
    assertThat(ukPairWith("+ m.withTtl(300)").dns().ttl()).isEqualTo(300);
  }

  @Test
  void withHostedZoneIdSetsTheZoneId() throws Exception {
    assertThat(ukPairWith("+ m.withHostedZoneId('Z0123456789ABC')").dns().hostedZoneId())
        .contains("Z0123456789ABC");
  }

  @Test
  void withHealthCheckSetsEveryField() throws Exception {
    Deployment d = ukPairWith("+ m.withHealthCheck(path='/ready', protocol='HTTP', port=8080,"
        + " intervalSeconds=30, failureThreshold=5)");
    assertThat(d.dns().healthCheck()).isEqualTo(new HealthCheck("/ready", HealthCheck.Protocol.HTTP, 8080, 30, 5));
  }

  @Test
  void withHealthCheckDefaultsAreMeridiansDefaults() throws Exception {
    assertThat(ukPairWith("+ m.withHealthCheck()").dns().healthCheck()).isEqualTo(HealthCheck.defaults());
  }

  @Test
  void qdrantNewWithDefaultsIsSpecMdsVectorStore() throws Exception {
    Optional<VectorStore> store = ukPairWith("+ m.withVectorStore(m.qdrant.new())").vectorStore();
    assertThat(store).contains(new VectorStore("qdrant", "1.12.4", 3, 2, 6, "r6i.large", 100, DataClass.USER));
  }

  @Test
  void qdrantNewAndWithNodeTypeSetTheirFields() throws Exception {
    Optional<VectorStore> store = ukPairWith("+ m.withVectorStore(m.qdrant.new(version='1.13.0', nodes=5,"
        + " replicationFactor=3, shards=12, content='artifact') + m.qdrant.withNodeType('r6i.xlarge', volumeGiB=250))")
        .vectorStore();
    assertThat(store).contains(new VectorStore("qdrant", "1.13.0", 5, 3, 12, "r6i.xlarge", 250, DataClass.ARTIFACT));
  }

  @Test
  void withResidencySetsTheMode() throws Exception {
    assertThat(ukPairWith("+ m.withResidency('none')").residency().mode()).isEqualTo(Residency.Mode.NONE);
  }

  @Test
  void withAllowedTransferAppends() throws Exception {
    Residency residency = ukPairWith("+ m.withAllowedTransfer('UK', 'EU') + m.withAllowedTransfer('EU', 'UK')"
        + " + m.withResidency('strict')").residency();
    assertThat(residency.allowedTransfers())
        .containsExactly(new Residency.Transfer("UK", "EU"), new Residency.Transfer("EU", "UK"));
    assertThat(residency.mode()).isEqualTo(Residency.Mode.STRICT);
  }

  @Test
  void withLogRetentionSetsTheRetention() throws Exception {
    assertThat(ukPairWith("+ m.withLogRetention(90)").logging().retentionDays()).isEqualTo(90);
  }

  @Test
  void withArtifactsSetsTheThreeVersions() throws Exception {
    var artifacts = ukPairWith("+ m.withArtifacts('2025-06-01', 'v12', 'c7')").artifacts();
    assertThat(List.of(artifacts.modelVersion(), artifacts.promptVersion(), artifacts.configVersion()))
        .containsExactly("2025-06-01", "v12", "c7");
  }

  @Test
  void withEvalRunsDailyByDefault() throws Exception {
    assertThat(ukPairWith("+ m.withEval('ghcr.io/acme/evals:1.4.0')").eval())
        .contains(new Eval("rate(1 day)", "ghcr.io/acme/evals:1.4.0"));
  }

  @Test
  void withEvalTakesASchedule() throws Exception {
    assertThat(ukPairWith("+ m.withEval('ghcr.io/acme/evals:1.4.0', schedule='rate(6 hours)')").eval())
        .contains(new Eval("rate(6 hours)", "ghcr.io/acme/evals:1.4.0"));
  }

  @Test
  void withDrillsLastFifteenMinutesByDefault() throws Exception {
    assertThat(ukPairWith("+ m.withDrills('cron(0 10 ? * TUE *)')").drills())
        .contains(new Drills("cron(0 10 ? * TUE *)", 15));
  }

  @Test
  void withDrillsTakesADuration() throws Exception {
    assertThat(ukPairWith("+ m.withDrills('cron(0 10 ? * TUE *)', durationMinutes=30)").drills())
        .contains(new Drills("cron(0 10 ? * TUE *)", 30));
  }

  @Test
  void withFallbackSetsProviderRegionAndModel() throws Exception {
    assertThat(ukPairWith("+ m.withFallback('openai', 'us', 'gpt-4o')").fallback())
        .contains(new Fallback("openai", "us", "gpt-4o"));
  }

  @Test
  void withAccountSetsTheAccount() throws Exception {
    assertThat(ukPairWith("+ m.withAccount('111111111111')").account()).contains("111111111111");
  }
}
