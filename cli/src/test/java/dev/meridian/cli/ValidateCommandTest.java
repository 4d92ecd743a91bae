package dev.meridian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code meridian validate}: exit 0 on every example, exit 2 with one line per problem otherwise. */
class ValidateCommandTest {

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(CommandRun.EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonnet"))
          .sorted().toList().stream();
    }
  }

  @Test
  void everyPatternHasAnExampleInJsonOrJsonnet() throws IOException {
    assertThat(examples().map(Path::toString))
        .anyMatch(f -> f.endsWith(".json"))
        .anyMatch(f -> f.endsWith(".jsonnet"))
        .hasSizeGreaterThanOrEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    CommandRun run = CommandRun.of("validate", "-J", CommandRun.JSONNET.toString(), example.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(example.toString().replace('\\', '/') + ": valid (").endsWith(")\n");
  }

  @Test
  void severalSpecsAreValidatedInOneRun() throws IOException {
    String[] args = Stream.concat(Stream.of("validate", "-J", CommandRun.JSONNET.toString()),
        examples().map(Path::toString)).toArray(String[]::new);

    CommandRun run = CommandRun.of(args);

    assertThat(run.exit()).isZero();
    assertThat(run.out().lines()).hasSize(args.length - 3).allMatch(l -> l.contains(": valid ("));
  }

  @Test
  void validLineNamesThePatternAndTheSiteCount() {
    CommandRun run = CommandRun.of("validate", CommandRun.EXAMPLES.resolve("active-passive-uk-eu.json").toString());

    assertThat(run.out()).isEqualTo("../examples/active-passive-uk-eu.json: valid (active-passive, 2 sites)\n");
  }

  @Test
  void brokenSpecExitsTwoWithOneLinePerProblemAtItsLine(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("broken.json");
    Files.writeString(spec, """
        {
          "apiVersion": "meridian/v1",
          "name": "broken",
          "pattern": "active-passive",
          "dns": { "zone": "example.com", "record": "chat.example.com", "tll": 30 },
          "regions": [
            { "name": "london", "awsRegion": "eu-west-9", "role": "primary" },
            { "name": "frankfurt", "awsRegion": "eu-central-1", "role": "standby" }
          ],
          "gpu": {
            "instanceType": "g6.xlarge", "min": 1, "max": 4,
            "model": { "name": "meta-llama/Llama-3.1-8B-Instruct", "artifact": "models/llama/" }
          }
        }
        """);

    CommandRun run = CommandRun.of("validate", spec.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).hasSizeGreaterThanOrEqualTo(2)
        .allMatch(l -> l.startsWith(spec + ":"))
        .anyMatch(l -> l.startsWith(spec + ":5: dns.tll: ") && l.contains("ttl"))
        .anyMatch(l -> l.startsWith(spec + ":7: regions[0].awsRegion: ") && l.contains("eu-west-9"));
  }

  @Test
  void oneInvalidSpecAmongValidOnesFailsTheRunButTheOthersAreStillReported(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
    String valid = CommandRun.EXAMPLES.resolve("single-region.json").toString();

    CommandRun run = CommandRun.of("validate", empty.toString(), valid);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains(valid.replace('\\', '/') + ": valid (");
    assertThat(run.errLines()).isNotEmpty().allMatch(l -> l.startsWith(empty.toString()));
  }

  @Test
  void missingFileIsOneLineAndExitTwo() {
    CommandRun run = CommandRun.of("validate", "no-such-spec.json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("no-such-spec.json: no such file\n");
  }

  @Test
  void jsonnetSpecImportingTheLibraryNeedsItsFolderOnTheImportPath() {
    String spec = CommandRun.EXAMPLES.resolve("active-passive-uk.jsonnet").toString();

    CommandRun run = CommandRun.of("validate", spec);

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().startsWith(spec).contains("meridian.libsonnet");
  }
}
