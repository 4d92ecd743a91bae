package dev.meridian.blueprints.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the hostile corpus ends in a {@link SpecException} whose problems are each one
 * line naming the file, within the time limit; no other exception escapes.
 */
class HostileSpecTest {

  private static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
  private static final Duration TIME_LIMIT = Duration.ofSeconds(2);
  /** The time limit plus room for a loaded build machine. */
  private static final Duration DEADLINE = TIME_LIMIT.plusSeconds(8);
  private static final SpecLoader LOADER = new SpecLoader(List.of(SpecFixture.JSONNET), TIME_LIMIT);

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList().stream();
    }
  }

  @Test
  void theCorpusHasAtLeastFiftyFilesEachListedInTheReadme() throws IOException {
    String readme = Files.readString(CORPUS.resolve("README.md"));
    List<Path> files = corpus().toList();
    assertThat(files).hasSizeGreaterThanOrEqualTo(50);
    files.forEach(f -> assertThat(readme).contains("| `" + f.getFileName() + "` |"));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void aHostileFileEndsInOneLineProblemsNamingIt(Path file) {
    assertRefusedInOneLines(file);
  }

  @Test
  void aTenMegabyteFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("ten-megabytes.json");
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write("{\"name\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 10; i++) {
        out.write(chunk);
      }
      out.write("\"}".getBytes(StandardCharsets.UTF_8));
    }
    assertRefusedInOneLines(big);
  }

  private static void assertRefusedInOneLines(Path file) {
    assertTimeoutPreemptively(DEADLINE, () ->
        assertThatThrownBy(() -> LOADER.load(file))
            .isInstanceOfSatisfying(SpecException.class, e -> {
              assertThat(e.problems()).isNotEmpty();
              assertThat(e.problems()).allSatisfy(p -> {
                String line = p.render();
                assertThat(line).startsWith(file.toString().replace('\\', '/'));
                assertThat(line.chars().noneMatch(Character::isISOControl)).as(line).isTrue();
                assertThat(line).doesNotContain("\u2028", "\u2029").hasSizeLessThan(1000);
              });
            }));
  }
}
