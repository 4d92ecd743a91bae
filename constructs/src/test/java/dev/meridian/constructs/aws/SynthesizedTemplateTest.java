package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.secretsmanager.CfnSecret;
import software.amazon.awscdk.services.ssm.CfnParameter;

/** The secret scan the construct tests rely on finds secrets when there are some. */
class SynthesizedTemplateTest {

  @Test
  void secretWithALiteralValueIsFound() {
    Stack leaky = new Stack(new App(), "LiteralSecret");
    CfnSecret.Builder.create(leaky, "Secret").secretString("correct-horse-battery-staple").build();
    assertThatThrownBy(() -> new SynthesizedTemplate(Template.fromStack(leaky)).assertNoSecrets())
        .hasMessageContaining("literal value of secret");
  }

  @Test
  void gatewayKeyInClearIsFound() {
    Stack leaky = new Stack(new App(), "ClearKey");
    CfnParameter.Builder.create(leaky, "Config").type("String")
        .value("model_list:\n- litellm_params:\n    api_key: sk-live-123\n").build();
    assertThatThrownBy(() -> new SynthesizedTemplate(Template.fromStack(leaky)).assertNoSecrets())
        .hasMessageContaining("api_key value in clear");
  }

  @Test
  void privateKeyIsFound() {
    Stack leaky = new Stack(new App(), "PrivateKey");
    CfnParameter.Builder.create(leaky, "Key").type("String")
        .value("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----").build();
    assertThatThrownBy(() -> new SynthesizedTemplate(Template.fromStack(leaky)).assertNoSecrets())
        .hasMessageContaining("private key in template");
  }

  @Test
  void keyAssignedInUserDataIsFound() {
    Stack leaky = new Stack(new App(), "Assigned");
    CfnParameter.Builder.create(leaky, "Script").type("String")
        .value(String.join("\n", List.of("#!/bin/bash", "export QDRANT__SERVICE__API_KEY=Zx81kQ0pLm2n"))).build();
    assertThatThrownBy(() -> new SynthesizedTemplate(Template.fromStack(leaky)).assertNoSecrets())
        .hasMessageContaining("key assigned in clear");
  }
}
