package dev.meridian.blueprints.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesLoadTest {

  private static final Path ROOT = Path.of("..");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
      return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonnet"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleLoads(Path example) throws SpecException {
    LoadedSpec spec = new SpecLoader(List.of(ROOT.resolve("jsonnet"))).load(example);
    assertThat(spec.deployment().regions()).isNotEmpty();
  }
}
