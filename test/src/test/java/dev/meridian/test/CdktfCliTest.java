package dev.meridian.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code cdktf} CLI (pinned in package.json, installed by {@code npm ci}) runs Meridian's
 * app through the repository's {@code cdktf.json}: it starts {@code ./meridian cdktf-app}, which
 * uses the packaged CLI jar (cli packages before this module's tests in a reactor build).
 */
class CdktfCliTest {

  @TempDir Path work;

  @Test
  void cdktfSynthRunsTheAppOnTheSpecNamedInTheEnvironment() throws Exception {
    Path out = work.resolve("cdktf.out");
    Result result = run(List.of(bin("cdktf").toString(), "synth", "--output", out.toString()),
        Map.of("MERIDIAN_SPEC", "examples/single-region.json"));
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(out.resolve("stacks/assist-london/cdk.tf.json")).isRegularFile();
    assertThat(out.resolve("stacks/assist-dns/cdk.tf.json")).isRegularFile();
    assertThat(Files.readString(out.resolve("stacks/assist-london/cdk.tf.json"))).contains("\"meridian\"");
  }

  private static Path bin(String name) {
    Path cli = Examples.ROOT.resolve("node_modules/.bin").resolve(name);
    assertThat(cli).as("run npm ci first (the README's test command does)").isExecutable();
    return cli;
  }

  private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(Examples.ROOT.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    // No telemetry or update checks: the network is closed and results must not depend on it.
    builder.environment().put("CHECKPOINT_DISABLE", "1");
    builder.environment().put("CDK_DISABLE_VERSION_CHECK", "1");
    builder.environment().put("CDKTF_DISABLE_PLUGIN_CACHE_ENV", "1");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    assertThat(finished).as("finished within 10 minutes").isTrue();
    return new Result(process.exitValue(), new String(output));
  }

  private record Result(int exit, String output) {}
}
