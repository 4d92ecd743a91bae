package dev.meridian.stacks.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.blueprints.Blueprints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec that names its account synthesizes without context look-ups: the cloud assembly records
 * no missing context (which would need AWS credentials and a {@code cdk context} step) and the
 * templates hold no CDK dummy zones.
 */
class AccountPinnedSynthTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void anAccountInTheSpecNeedsNoContextLookUp() throws Exception {
    ObjectNode spec = (ObjectNode) JSON.readTree(Path.of("../examples/active-passive-uk-eu.json").toFile());
    spec.put("account", "111111111111");
    Path file = work.resolve("spec.json");
    JSON.writeValue(file.toFile(), spec);
    Path out = work.resolve("cdk");
    CdkSynthesizer.synth(List.of(new Blueprints(List.of()).plan(file).topology()), out);

    JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.path("missing").isMissingNode() || manifest.path("missing").isEmpty())
        .as("missing context: %s", manifest.path("missing")).isTrue();
    String london = Files.readString(out.resolve("chat-eu-dr-london.template.json"));
    assertThat(london).doesNotContain("dummy1a").contains("111111111111");
  }
}
