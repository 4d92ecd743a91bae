package dev.meridian.blueprints.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading specs: formats, defaults, the gpu override merge, Jsonnet errors and limits. */
class SpecLoaderTest {

  private static final Path SPECS = Path.of("src", "test", "resources", "specs");
  private static final SpecLoader LOADER = SpecFixture.loader();

  @TempDir
  Path dir;

  private static Deployment load(String name) throws SpecException {
    return LOADER.load(SPECS.resolve(name)).deployment();
  }

  private static List<String> problems(SpecLoader loader, String name) {
    try {
      return loader.load(SPECS.resolve(name)).warnings().stream().map(Problem::render).toList();
    } catch (SpecException e) {
      return e.problems().stream().map(Problem::render).toList();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "active-active.json, active-active",
      "active-passive.jsonnet, active-passive",
      "regional-sharding.json, regional-sharding",
      "hub-and-spoke.json, hub-and-spoke",
      "single-region.jsonnet, single-region"})
  void aValidSpecOfEachPatternLoadsWithoutWarnings(String file, String pattern) throws SpecException {
    LoadedSpec spec = LOADER.load(SPECS.resolve(file));
    assertThat(spec.deployment().pattern().specName()).isEqualTo(pattern);
    assertThat(spec.warnings()).isEmpty();
  }

  @Test
  void theSourceIsThePathAsGiven() throws SpecException {
    assertThat(load("minimal.json").source().display()).isEqualTo("src/test/resources/specs/minimal.json");
  }

  @Test
  void dnsDefaultsApply() throws SpecException {
    Dns dns = load("minimal.json").dns();
    assertThat(dns.ttl()).isEqualTo(60);
    assertThat(dns.defaultRegion()).isEmpty();
    assertThat(dns.healthCheck()).isEqualTo(new HealthCheck("/health", HealthCheck.Protocol.HTTPS, 443, 10, 3));
  }

  @Test
  void gpuDefaultsApply() throws SpecException {
    assertThat(load("minimal.json").gpu()).isEqualTo(new Gpu("g6.xlarge", 1, 4, "vllm", "vllm/vllm-openai:v0.6.3",
        8000, new Gpu.Model("meta-llama/Llama-3.1-8B-Instruct", "")));
  }

  @Test
  void vectorStoreDefaultsApply() throws SpecException {
    assertThat(load("minimal.json").vectorStore()).hasValue(
        new VectorStore("qdrant", "1.12.4", 3, 2, 6, "r6i.large", 100, DataClass.USER));
  }

  @Test
  void absentOptionalBlocksGetTheirDefaults() throws SpecException {
    Deployment d = load("minimal.json");
    assertThat(d.logging().retentionDays()).isEqualTo(30);
    assertThat(d.residency()).isEqualTo(new Residency(Residency.Mode.STRICT, List.of()));
    assertThat(d.artifacts()).isEqualTo(new Artifacts("unversioned", "unversioned", "unversioned"));
    assertThat(d.account()).isEmpty();
    assertThat(d.fallback()).isEmpty();
  }

  @Test
  void evalScheduleAndDrillDurationDefault() throws SpecException {
    Deployment d = load("minimal.json");
    assertThat(d.eval()).hasValue(new Eval("rate(1 day)", "ghcr.io/acme/evals:1.4.0"));
    assertThat(d.drills()).hasValue(new Drills("rate(7 days)", 15));
  }

  @Test
  void aRegionWithoutOverrideRunsTheTopLevelGpu() throws SpecException {
    Deployment d = load("override.json");
    assertThat(d.region("virginia").orElseThrow().gpu()).isEqualTo(d.gpu());
  }

  @Test
  void aRegionOverrideIsMergedFieldByField() throws SpecException {
    Gpu oregon = load("override.json").region("oregon").orElseThrow().gpu();
    assertThat(oregon).isEqualTo(new Gpu("g5.xlarge", 2, 6, "vllm", "vllm/vllm-openai:v0.6.3", 9000,
        new Gpu.Model("mistralai/Mistral-7B-Instruct-v0.3", "models/llama-3.1-8b/")));
  }

  @Test
  void aDedicatedSiteKeepsItsEndpointsAndJurisdiction() throws SpecException {
    Region colo = load("active-passive.jsonnet").region("uk-colo").orElseThrow();
    assertThat(colo.isAws()).isFalse();
    assertThat(colo.dedicated()).hasValue(new Dedicated("UK", List.of("203.0.113.10", "203.0.113.11"), "4x RTX 4090"));
    assertThat(colo.role()).isEqualTo(Role.STANDBY);
  }

  @Test
  void regionalShardingKeepsServesAndTheDefaultRegion() throws SpecException {
    Deployment d = load("regional-sharding.json");
    assertThat(d.region("eu").orElseThrow().serves()).containsExactly("DE", "FR", "IE", "NL");
    assertThat(d.dns().defaultRegion()).hasValue("us");
  }

  @Test
  void warningsComeWithTheLoadedSpec(@TempDir Path tmp) throws SpecException {
    SpecFixture fixture = new SpecFixture(tmp);
    LoadedSpec spec = fixture.load(SpecFixture.variant("\"g6.xlarge\"", "\"g6e.xlarge\""));
    assertThat(spec.warnings()).singleElement().satisfies(w -> {
      assertThat(w.severity()).isEqualTo(Problem.Severity.WARNING);
      assertThat(w.field()).isEqualTo("regions[0].awsRegion");
    });
  }

  @Test
  void jsonnetSyntaxErrorsNameFileAndLine() {
    assertThat(problems(LOADER, "syntax-error.jsonnet")).containsExactly(
        "src/test/resources/specs/syntax-error.jsonnet:4: Expected \"]\", found \"}\\n\"");
  }

  @Test
  void jsonnetRuntimeErrorsNameFileAndLine() {
    assertThat(problems(LOADER, "runtime-error.jsonnet")).containsExactly(
        "src/test/resources/specs/runtime-error.jsonnet:4: name is not set yet");
  }

  @Test
  void anErrorInAnImportedFileIsReportedAtTheSpecLineThatLedThere() {
    assertThat(problems(LOADER, "error-in-import.jsonnet")).containsExactly(
        "src/test/resources/specs/error-in-import.jsonnet:4: Unknown extVar: missing-uk (in broken.libsonnet:2)");
  }

  @Test
  void jsonnetValidationProblemsNameTheFieldWithoutALine() {
    assertThat(problems(LOADER, "invalid-field.jsonnet")).containsExactly(
        "src/test/resources/specs/invalid-field.jsonnet: regions[0].awsRegion: \"eu-west-9\" is not an AWS"
            + " commercial region (did you mean \"eu-west-1\"?)");
  }

  @Test
  void aJsonnetSpecCannotImportFilesOutsideItsFolderTheImportPathAndTheWorkingDirectory() {
    Path spec = Path.of("src", "test", "resources", "hostile", "importstr-etc-passwd.jsonnet");
    assertThatThrownBy(() -> LOADER.load(spec)).isInstanceOfSatisfying(SpecException.class, e ->
        assertThat(e.problems()).extracting(Problem::render).containsExactly(
            "src/test/resources/hostile/importstr-etc-passwd.jsonnet:2: Couldn't import file: \"/etc/passwd\""
                + " (outside the spec's folder, the import path and the working directory)"));
  }

  @Test
  void aSymbolicLinkBesideTheSpecCannotLeadAnImportOutside() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("passwd.txt"), Path.of("/etc/passwd"));
    SpecFixture fixture = new SpecFixture(dir);
    Path spec = fixture.write("spec.jsonnet", "{\n  apiVersion: importstr 'passwd.txt',\n}\n");
    List<String> problems = fixture.problemsOf(spec);
    Files.delete(link);
    assertThat(problems).containsExactly("spec.jsonnet:2: Couldn't import file: \"passwd.txt\""
        + " (outside the spec's folder, the import path and the working directory)");
  }

  @Test
  void aJsonnetSpecImportsLibrariesBesideIt() throws SpecException {
    assertThat(load("imports-sibling.jsonnet").name()).isEqualTo("sibling");
  }

  @Test
  void aJsonnetEvaluationThatRunsPastTheTimeLimitEndsWithAProblem() {
    SpecLoader quick = new SpecLoader(List.of(SpecFixture.JSONNET), Duration.ofSeconds(1));
    long start = System.nanoTime();
    List<String> problems = problems(quick, "runs-too-long.jsonnet");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(problems).containsExactly("src/test/resources/specs/runs-too-long.jsonnet: Jsonnet evaluation did not"
        + " finish within 1 s (the time limit); look for unbounded recursion or huge std.range/std.repeat calls");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void infiniteRecursionEndsWithAStackProblem() {
    assertThat(problems(LOADER, "infinite-recursion.jsonnet")).containsExactly(
        "src/test/resources/specs/infinite-recursion.jsonnet: Jsonnet evaluation recursed deeper than the stack"
            + " allows (infinite recursion, or nesting too deep?)");
  }

  @Test
  void otherFileTypesAreNotSpecs() {
    SpecFixture fixture = new SpecFixture(dir);
    assertThat(fixture.problemsOf(fixture.write("spec.yaml", "apiVersion: meridian/v1\n"))).containsExactly(
        "spec.yaml: is not a spec file (expected a .jsonnet, .libsonnet or .json file)");
  }

  @Test
  void aMissingFileIsAProblem() {
    assertThat(problems(LOADER, "no-such-spec.json")).containsExactly(
        "src/test/resources/specs/no-such-spec.json: no such file");
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedWithItsSize() {
    SpecFixture fixture = new SpecFixture(dir);
    Path big = fixture.write("big.json", "{\"name\": \"" + "x".repeat(SpecLoader.MAX_FILE_BYTES) + "\"}");
    assertThat(fixture.problemsOf(big)).containsExactly(
        "big.json: file is 1048588 bytes, more than the 1048576-byte limit for a spec");
  }

  @Test
  void aNonPositiveTimeLimitIsRefused() {
    assertThatThrownBy(() -> new SpecLoader(List.of(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeLimit must be positive, got PT0S");
  }
}
