package dev.meridian.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example's CloudFormation templates against their golden copies in
 * {@code src/test/resources/golden/cdk/}: any change to what Meridian generates shows up here as
 * the first differing lines. After an intended change, regenerate them with
 * {@code mvn -pl test -am verify -Dmeridian.updateGoldens=true} and review the diff in the PR.
 */
class GoldenTemplatesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/cdk");

  @Test
  void everyTemplateMatchesItsGoldenCopy() throws IOException {
    Path cdk = SynthesizedExamples.get().out.resolve("cdk");
    List<Path> templates;
    try (Stream<Path> files = Files.list(cdk)) {
      templates = files.filter(f -> f.getFileName().toString().endsWith(".template.json")).sorted().toList();
    }
    if (Boolean.getBoolean("meridian.updateGoldens")) {
      Files.createDirectories(GOLDEN);
      try (Stream<Path> old = Files.list(GOLDEN)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      for (Path template : templates) {
        Files.copy(template, GOLDEN.resolve(template.getFileName()));
      }
    }
    List<String> problems = new ArrayList<>();
    try (Stream<Path> golden = Files.list(GOLDEN)) {
      List<String> expected = golden.map(f -> f.getFileName().toString()).sorted().toList();
      assertThat(templates.stream().map(f -> f.getFileName().toString()).toList())
          .as("templates (regenerate with -Dmeridian.updateGoldens=true)").isEqualTo(expected);
    }
    for (Path template : templates) {
      List<String> actual = Files.readAllLines(template);
      List<String> expected = Files.readAllLines(GOLDEN.resolve(template.getFileName()));
      firstDifference(template.getFileName().toString(), expected, actual).ifPresent(problems::add);
    }
    assertThat(problems).as("templates differ from their golden copies (regenerate with"
        + " -Dmeridian.updateGoldens=true if the change is intended):%n%s", String.join("\n", problems)).isEmpty();
  }

  private static java.util.Optional<String> firstDifference(String name, List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String want = i < expected.size() ? expected.get(i) : "<end of file>";
      String got = i < actual.size() ? actual.get(i) : "<end of file>";
      if (!want.equals(got)) {
        return java.util.Optional.of(String.format("%s:%d: expected %s%n%s:%d: but got  %s", name, i + 1, want.strip(),
            name, i + 1, got.strip()));
      }
    }
    return java.util.Optional.empty();
  }
}
