package dev.meridian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code meridian validate} on every file of the hostile corpus (blueprints' test resources):
 * exit 2, every line of standard error names the file, no stack trace, within a time limit.
 */
class HostileSpecCommandTest {

  private static final Path CORPUS = Path.of("..", "blueprints", "src", "test", "resources", "hostile");
  /** The CLI's Jsonnet time limit (10 s) plus room for a loaded build machine. */
  private static final Duration DEADLINE = Duration.ofSeconds(25);

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList().stream();
    }
  }

  @Test
  void theCorpusHasAtLeastFiftyFiles() throws IOException {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void hostileSpecExitsTwoWithOneLineProblemsNamingIt(Path file) {
    assertRefused(file);
  }

  @Test
  void tenMegabyteSpecExitsTwoWithOneLineNamingIt(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("ten-megabytes.json");
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write("{\"name\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 10; i++) {
        out.write(chunk);
      }
      out.write("\"}".getBytes(StandardCharsets.UTF_8));
    }
    assertRefused(big);
  }

  private static void assertRefused(Path file) {
    CommandRun run = assertTimeoutPreemptively(DEADLINE,
        () -> CommandRun.of("validate", "-J", CommandRun.JSONNET.toString(), file.toString()));

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
    assertThat(run.err().lines()).isNotEmpty()
        .allSatisfy(line -> assertThat(line).startsWith(file.toString().replace('\\', '/') + ":"));
  }
}
