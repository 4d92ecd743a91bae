package dev.meridian.review.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CloudFormation intrinsics and Terraform data sources reduce to the same canonical strings. */
class CanonicalTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Optional<String> LONDON = Optional.of("eu-west-2");

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void subReplacesItsVariablesAndPseudoParameters() throws Exception {
    JsonNode sub = json("{\"Fn::Sub\": [\"arn:${AWS::Partition}:s3:::${Name}-${AWS::AccountId}-${AWS::Region}\","
        + " {\"Name\": {\"Fn::Join\": [\"-\", [\"chat\", \"uk\"]]}}]}");
    assertThat(Canonical.cloudFormation(sub, LONDON).asText())
        .isEqualTo("arn:aws:s3:::chat-uk-${AWS::AccountId}-eu-west-2");
  }

  @Test
  void getAttAndRefBecomePlaceholders() throws Exception {
    assertThat(Canonical.cloudFormation(json("{\"Fn::GetAtt\": [\"LogsBucket\", \"Arn\"]}"), LONDON).asText())
        .isEqualTo("${LogsBucket.Arn}");
    assertThat(Canonical.cloudFormation(json("{\"Ref\": \"LogsBucket\"}"), LONDON).asText()).isEqualTo("${LogsBucket}");
  }

  @Test
  void selectPicksFromALiteralList() throws Exception {
    assertThat(Canonical.cloudFormation(json("{\"Fn::Select\": [1, [\"a\", \"b\"]]}"), LONDON).asText()).isEqualTo("b");
  }

  @Test
  void functionsThatCannotBeResolvedKeepTheirShape() throws Exception {
    JsonNode azs = Canonical.cloudFormation(json("{\"Fn::Select\": [0, {\"Fn::GetAZs\": \"\"}]}"), LONDON);
    assertThat(azs.toString()).isEqualTo("{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}");
  }

  @Test
  void terraformAccountAndRegionDataSourcesMatchCloudFormations() throws Exception {
    JsonNode name = json("\"chat-uk-logs-${data.aws_caller_identity.current.account_id}-${data.aws_region.current.name}\"");
    assertThat(Canonical.terraform(name, LONDON).asText()).isEqualTo("chat-uk-logs-${AWS::AccountId}-eu-west-2");
  }
}
