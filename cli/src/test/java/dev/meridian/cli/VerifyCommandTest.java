package dev.meridian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code meridian verify}: exit codes, text and JSON output, one stderr line per input problem. */
class VerifyCommandTest {

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int verify(String... args) {
    return new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void cleanOutputExitsZero() {
    Path dir = ReviewOutputs.write(temp, ReviewOutputs.bucket("LogsBucket", "Retain"));
    assertThat(verify(dir.toString())).isZero();
    assertThat(out.toString()).isEqualTo("0 findings in 1 resource of 1 stack\n");
  }

  @Test
  void findingsExitOneWithOneLineEach() {
    Path dir = ReviewOutputs.write(temp, ReviewOutputs.bucket("LogsBucket", "Delete"));
    assertThat(verify(dir.toString())).isEqualTo(1);
    assertThat(out.toString()).startsWith("cdk/chat-uk/LogsBucket: [retention] AWS::S3::Bucket is deleted with its stack");
  }

  @Test
  void jsonFormatListsFindingsForMachines() {
    Path dir = ReviewOutputs.write(temp, ReviewOutputs.bucket("LogsBucket", "Delete"));
    assertThat(verify("--format", "json", dir.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("\"rule\" : \"retention\"").contains("\"path\" : \"cdk/chat-uk/LogsBucket\"");
  }

  @Test
  void missingDirectoryExitsTwoWithOneLineAndNoStackTrace() {
    assertThat(verify(temp.resolve("out").toString())).isEqualTo(2);
    assertThat(err.toString().lines()).singleElement().asString().endsWith("out: no such directory (expected the --out directory of meridian synth)");
  }

  @Test
  void brokenJsonExitsTwo() throws IOException {
    Path dir = ReviewOutputs.write(temp, ReviewOutputs.bucket("LogsBucket", "Retain"));
    Files.writeString(dir.resolve("cdk/chat-uk.template.json"), "{\"Resources\": ");
    assertThat(verify(dir.toString())).isEqualTo(2);
    assertThat(err.toString().lines()).singleElement().asString().contains("chat-uk.template.json:1: broken JSON");
  }
}
