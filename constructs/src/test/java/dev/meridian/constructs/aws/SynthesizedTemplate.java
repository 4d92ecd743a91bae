package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.assertions.Template;

/** A synthesized CloudFormation template as a JSON tree, with the look-ups the construct tests share. */
final class SynthesizedTemplate {

  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
  private static final Pattern CLEAR_API_KEY = Pattern.compile("api_key:\\s*(?!os\\.environ/)\\S");
  private static final Pattern KEY_ASSIGNMENT = Pattern.compile("(API_KEY|MASTER_KEY)=[A-Za-z0-9]{8,}");

  private final JsonNode root;

  SynthesizedTemplate(Template template) {
    this.root = new ObjectMapper().valueToTree(template.toJSON());
  }

  /** The resources of a type by logical id, in template order. */
  Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    root.path("Resources").fields().forEachRemaining(entry -> {
      if (entry.getValue().path("Type").asText().equals(type)) {
        found.put(entry.getKey(), entry.getValue());
      }
    });
    return found;
  }

  /** The one resource of a type. */
  JsonNode only(String type) {
    Map<String, JsonNode> found = resources(type);
    assertThat(found).as("resources of type %s", type).hasSize(1);
    return found.values().iterator().next();
  }

  /** The whole template as JSON text. */
  String text() {
    return root.toString();
  }

  /**
   * Fails if the template holds secret material in clear: a private key, a Secrets Manager
   * secret with a literal value, a gateway {@code api_key:} with a value instead of an
   * environment reference, or an API or master key assigned a literal value.
   */
  void assertNoSecrets() {
    String text = text().replace("\\n", "\n");
    assertThat(PRIVATE_KEY.matcher(text).find()).as("private key in template").isFalse();
    assertThat(CLEAR_API_KEY.matcher(text).find()).as("api_key value in clear").isFalse();
    assertThat(KEY_ASSIGNMENT.matcher(text).find()).as("key assigned in clear").isFalse();
    resources("AWS::SecretsManager::Secret").forEach((id, secret) ->
        assertThat(secret.path("Properties").has("SecretString")).as("literal value of secret %s", id).isFalse());
  }
}
