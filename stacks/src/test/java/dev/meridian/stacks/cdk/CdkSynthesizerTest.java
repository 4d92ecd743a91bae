package dev.meridian.stacks.cdk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.stacks.SynthesisFailure;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sns.Topic;

/** An error annotation anywhere (an unaccepted cdk-nag finding, say) fails the synth, naming stack, path and message. */
class CdkSynthesizerTest {

  @Test
  void errorAnnotationsFailTheSynthNamingStackPathAndMessage() {
    App app = new App();
    Stack stack = new Stack(app, "chat-london");
    Topic topic = new Topic(stack, "Alerts");
    Annotations.of(topic).addError("AwsSolutions-SNS3: The SNS Topic does not require publishers to use SSL.");
    Stack clean = new Stack(app, "chat-dns");
    new Topic(clean, "Other");
    Annotations.of(clean).addWarning("a warning does not fail");

    assertThatThrownBy(() -> CdkSynthesizer.requireNoErrors(app.synth()))
        .isInstanceOf(SynthesisFailure.class)
        .hasMessage("1 synthesis error(s); first: chat-london: /chat-london/Alerts: "
            + "AwsSolutions-SNS3: The SNS Topic does not require publishers to use SSL.");
  }

  @Test
  void warningsAloneDoNotFailTheSynth() {
    App app = new App();
    Stack stack = new Stack(app, "chat-dns");
    Annotations.of(new Topic(stack, "Topic")).addWarning("only a warning");
    assertThatCode(() -> CdkSynthesizer.requireNoErrors(app.synth())).doesNotThrowAnyException();
  }
}
