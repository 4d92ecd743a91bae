package dev.meridian.stacks.cdk;

import dev.meridian.blueprints.Blueprints;
import dev.meridian.blueprints.spec.SpecException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** The repository's examples as CDK stacks, built once per test JVM; templates cached by stack name. */
final class SynthesizedExampleStacks {

  private static App app;
  private static final Map<String, Template> TEMPLATES = new HashMap<>();

  private SynthesizedExampleStacks() {}

  /** The template of one stack of the examples, e.g. {@code chat-uk-dns}. */
  static synchronized Template template(String stackName) {
    if (app == null) {
      app = new App(AppProps.builder().context(CdkSynthesizer.deterministicContext()).build());
      Blueprints blueprints = new Blueprints(List.of(Path.of("../jsonnet")));
      List<String> examples = List.of("active-active-us.json", "active-passive-uk-eu.json", "active-passive-uk.jsonnet",
          "hub-and-spoke.json", "regional-sharding.jsonnet", "single-region.json");
      CdkSynthesizer.addTo(app, examples.stream().map(name -> {
        try {
          return blueprints.plan(Path.of("../examples", name)).topology();
        } catch (SpecException e) {
          throw new AssertionError(name + ": " + e.problems(), e);
        }
      }).toList());
    }
    return TEMPLATES.computeIfAbsent(stackName, name -> Template.fromStack((Stack) app.getNode().findChild(name)));
  }
}
