package dev.meridian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code meridian diff}: formats, {@code --fail-on}, {@code --redact-accounts}, bad input. */
class DiffCommandTest {

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int diff(String... args) {
    return new CommandLine(new DiffCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private Path base() {
    return ReviewOutputs.write(temp.resolve("base"), ReviewOutputs.bucket("LogsBucket", "Retain"));
  }

  private Path headWithoutBucket() {
    return ReviewOutputs.write(temp.resolve("head"), "");
  }

  @Test
  void identicalOutputsSayNoChanges() {
    Path base = base();
    assertThat(diff(base.toString(), base.toString())).isZero();
    assertThat(out.toString()).endsWith("No changes.\n");
  }

  @Test
  void deletionExitsOneWhenFailOnDestroy() {
    assertThat(diff(base().toString(), headWithoutBucket().toString(), "--fail-on", "destroy,residency")).isEqualTo(1);
    assertThat(out.toString()).contains("**deleted**");
    assertThat(err.toString()).isEqualTo("diff contains destroy (--fail-on)\n");
  }

  @Test
  void deletionExitsZeroWithoutFailOn() {
    assertThat(diff(base().toString(), headWithoutBucket().toString(), "--format", "json")).isZero();
    assertThat(out.toString()).contains("\"verdict\" : \"destroy\"");
  }

  @Test
  void redactAccountsMasksAccountIds() {
    assertThat(diff(base().toString(), headWithoutBucket().toString(), "--format", "text")).isZero();
    assertThat(out.toString()).doesNotContain("************");
    StringWriter redacted = new StringWriter();
    new CommandLine(new DiffCommand()).setOut(new PrintWriter(redacted)).setErr(new PrintWriter(err))
        .execute(base().toString(), ReviewOutputs.write(temp.resolve("head2"), ReviewOutputs.bucket("LogsBucket", "Delete"))
            .toString(), "--format", "text", "--redact-accounts");
    assertThat(redacted.toString()).doesNotContain("111111111111");
  }

  @Test
  void unknownFailOnClassExitsTwo() {
    Path base = base();
    assertThat(diff(base.toString(), base.toString(), "--fail-on", "explode")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("--fail-on: unknown class explode (expected destroy, replacement, residency, dns or access)\n");
  }

  @Test
  void everyBadInputIsItsOwnLine() {
    assertThat(diff(temp.resolve("a").toString(), temp.resolve("b").toString())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(2);
  }
}
