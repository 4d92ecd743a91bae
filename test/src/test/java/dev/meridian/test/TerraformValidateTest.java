package dev.meridian.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terraform validate} accepts every Terraform stack of every example. It needs a
 * {@code terraform} binary and the AWS provider in a local filesystem mirror
 * ({@code MERIDIAN_TF_PROVIDER_MIRROR}, default {@code /opt/tf-plugins}), since no provider can be
 * downloaded here; without them the test is skipped and says why. The stacks pin the provider the
 * bindings were generated from (5.23.1); the mirror may hold another 5.x, so the copy under test
 * asks for the mirror's version. All stacks are validated in one run, as modules of one root
 * (their backends are then ignored, which Terraform reports as a warning — the only one allowed).
 */
class TerraformValidateTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BACKEND_IGNORED = "Backend configuration ignored";

  @TempDir Path work;

  @Test
  void terraformValidatesEveryStack() throws Exception {
    Optional<Path> terraform = onPath("terraform");
    assumeTrue(terraform.isPresent(), "no terraform binary on the PATH");
    Path mirror = Path.of(Optional.ofNullable(System.getenv("MERIDIAN_TF_PROVIDER_MIRROR")).orElse("/opt/tf-plugins"));
    Optional<String> version = providerVersion(mirror);
    assumeTrue(version.isPresent(), "no hashicorp/aws provider in the filesystem mirror " + mirror);

    Path stacks = work.resolve("stacks");
    ObjectNode modules = JSON.createObjectNode();
    try (Stream<Path> dirs = Files.list(SynthesizedExamples.get().out.resolve("terraform/stacks"))) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        ObjectNode stack = (ObjectNode) JSON.readTree(dir.resolve("cdk.tf.json").toFile());
        ((ObjectNode) stack.path("terraform").path("required_providers").path("aws")).put("version", version.get());
        Files.createDirectories(stacks.resolve(name));
        JSON.writeValue(stacks.resolve(name).resolve("cdk.tf.json").toFile(), stack);
        modules.putObject(name).put("source", "./stacks/" + name);
      }
    }
    assertThat(modules.size()).isGreaterThanOrEqualTo(18);
    JSON.writeValue(work.resolve("main.tf.json").toFile(), JSON.createObjectNode().set("module", modules));
    Path config = work.resolve("terraformrc");
    Files.writeString(config, "provider_installation {\n  filesystem_mirror {\n    path = \"" + mirror
        + "\"\n    include = [\"registry.terraform.io/hashicorp/aws\"]\n  }\n}\n");

    Result init = run(config, true, terraform.get().toString(), "init", "-backend=false", "-input=false", "-no-color");
    assertThat(init.exit()).as(init.output()).isZero();
    Result validate = run(config, false, terraform.get().toString(), "validate", "-json", "-no-color");
    JsonNode verdict = JSON.readTree(validate.output());
    List<String> problems = new ArrayList<>();
    verdict.path("diagnostics").forEach(d -> {
      if (!d.path("summary").asText().equals(BACKEND_IGNORED)) {
        problems.add(d.path("severity").asText() + ": " + d.path("summary").asText() + " — " + d.path("detail").asText()
            + " at " + d.path("range").path("filename").asText());
      }
    });
    assertThat(problems).as("terraform validate against hashicorp/aws " + version.get()).isEmpty();
    assertThat(verdict.path("valid").asBoolean()).isTrue();
  }

  private static Optional<Path> onPath(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .map(dir -> Path.of(dir, command))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The newest version of hashicorp/aws in the mirror (unpacked layout), if any. */
  private static Optional<String> providerVersion(Path mirror) throws IOException {
    Path provider = mirror.resolve("registry.terraform.io/hashicorp/aws");
    if (!Files.isDirectory(provider)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(provider)) {
      return versions.map(p -> p.getFileName().toString())
          .filter(v -> v.matches("5\\.\\d+\\.\\d+"))
          .max(java.util.Comparator.comparing(v -> Integer.parseInt(v.split("\\.")[1])));
    }
  }

  /** Runs terraform in the work folder; its stderr joins the output when {@code withErrors}, else is dropped (JSON on stdout). */
  private Result run(Path config, boolean withErrors, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(withErrors);
    builder.environment().put("TF_CLI_CONFIG_FILE", config.toString());
    builder.environment().put("CHECKPOINT_DISABLE", "1");
    if (!withErrors) {
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("finished within 10 minutes").isTrue();
    return new Result(process.exitValue(), new String(output));
  }

  private record Result(int exit, String output) {}
}
