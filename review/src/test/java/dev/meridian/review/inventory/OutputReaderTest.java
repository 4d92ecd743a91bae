package dev.meridian.review.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meridian.review.OutputFixture;
import dev.meridian.review.ReviewInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a synth output directory into an inventory, and the one-line problems of bad input. */
class OutputReaderTest {

  @TempDir Path temp;

  @Test
  void readsBothEnginesIntoOneInventory() throws ReviewInputException {
    Inventory inventory = OutputReader.read(OutputFixture.resource("clean-active-passive"));
    assertThat(inventory.stacks()).extracting(Stack::path).containsExactly("cdk/chat-dns", "cdk/chat-eu", "cdk/chat-uk",
        "terraform/chat-dns", "terraform/chat-eu", "terraform/chat-uk");
  }

  @Test
  void resolvesJoinedBucketNamesToCanonicalStrings() throws ReviewInputException {
    Inventory inventory = OutputReader.read(OutputFixture.resource("clean-active-passive"));
    Stack uk = inventory.stacks().get(2);
    assertThat(inventory.resource(uk, "LogsBucket").orElseThrow().property("BucketName").asText())
        .isEqualTo("chat-uk-logs-${AWS::AccountId}-eu-west-2");
  }

  @Test
  void terraformAccountDataSourceReadsAsTheAccountPlaceholder() throws ReviewInputException {
    Inventory inventory = OutputReader.read(OutputFixture.resource("clean-active-passive"));
    Stack uk = inventory.stacks().get(5);
    assertThat(inventory.resource(uk, "aws_s3_bucket.logs").orElseThrow().property("bucket").asText())
        .isEqualTo("chat-uk-logs-${AWS::AccountId}-eu-west-2");
  }

  @Test
  void missingDirectoryIsOneProblem() {
    ReviewInputException e = catchThrowableOfType(ReviewInputException.class, () -> OutputReader.read(temp.resolve("nope")));
    assertThat(e.problems()).singleElement().asString().endsWith("nope: no such directory (expected the --out directory of meridian synth)");
  }

  @Test
  void directoryWithoutManifestsIsNotAnOutput() {
    ReviewInputException e = catchThrowableOfType(ReviewInputException.class, () -> OutputReader.read(temp));
    assertThat(e.problems()).singleElement().asString()
        .endsWith(": not a synth output (expected cdk/manifest.json and/or terraform/manifest.json)");
  }

  @Test
  void brokenJsonNamesTheFileAndLine() throws IOException {
    OutputFixture f = OutputFixture.copy("clean-active-passive", temp);
    Files.writeString(f.dir().resolve("cdk/chat-eu.template.json"), "{\n  \"Resources\": {\n    \"A\": ,\n}\n");
    ReviewInputException e = catchThrowableOfType(ReviewInputException.class, () -> OutputReader.read(f.dir()));
    assertThat(e.problems()).singleElement().asString().contains("cdk/chat-eu.template.json:3: broken JSON: ");
  }

  @Test
  void everyBrokenFileIsItsOwnProblem() throws IOException {
    OutputFixture f = OutputFixture.copy("clean-active-passive", temp);
    Files.writeString(f.dir().resolve("cdk/chat-eu.template.json"), "{");
    Files.delete(f.dir().resolve("terraform/stacks/chat-uk/cdk.tf.json"));
    ReviewInputException e = catchThrowableOfType(ReviewInputException.class, () -> OutputReader.read(f.dir()));
    assertThat(e.problems()).hasSize(2).anyMatch(p -> p.endsWith("terraform/stacks/chat-uk/cdk.tf.json: missing "
        + "(the manifest names it; synthesize again)"));
  }
}
