package dev.meridian.blueprints.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A valid active-passive spec (one field per line where it matters, so tests can name lines) and
 * helpers that write a variant of it and load it.
 */
final class SpecFixture {

  static final Path JSONNET = Path.of("..", "jsonnet");

  /** Line numbers below are part of the tests' expectations: keep them stable. */
  static final String VALID = """
      {
        "apiVersion": "meridian/v1",
        "name": "chat",
        "pattern": "active-passive",
        "dns": {
          "zone": "example.com",
          "record": "api.example.com",
          "ttl": 60,
          "healthCheck": { "path": "/health", "protocol": "HTTPS", "port": 443, "intervalSeconds": 10, "failureThreshold": 3 }
        },
        "regions": [
          { "name": "london", "awsRegion": "eu-west-2", "role": "primary" },
          { "name": "frankfurt", "awsRegion": "eu-central-1", "role": "standby", "gpu": { "min": 0 } }
        ],
        "gpu": {
          "instanceType": "g6.xlarge", "min": 1, "max": 4,
          "model": { "name": "meta-llama/Llama-3.1-8B-Instruct", "artifact": "models/llama-3.1-8b/" }
        },
        "vectorStore": { "engine": "qdrant", "nodes": 3, "replicationFactor": 2, "shards": 6, "content": "user" },
        "logging": { "retentionDays": 30 },
        "residency": { "mode": "strict", "allowedTransfers": [ { "from": "UK", "to": "EU" } ] },
        "artifacts": { "modelVersion": "2025-06-01", "promptVersion": "v12", "configVersion": "c7" },
        "eval": { "schedule": "rate(1 day)", "image": "ghcr.io/acme/evals:1.4.0" },
        "drills": { "schedule": "cron(0 10 ? * TUE *)", "durationMinutes": 15 },
        "fallback": { "provider": "bedrock", "region": "eu-west-2", "model": "anthropic.claude-3-5-sonnet" }
      }
      """;

  private final Path dir;

  SpecFixture(Path dir) {
    this.dir = dir;
  }

  /** {@link #VALID} with each {@code (old, new)} pair replaced; fails when an old text is absent. */
  static String variant(String... replacements) {
    String text = VALID;
    for (int i = 0; i < replacements.length; i += 2) {
      if (!text.contains(replacements[i])) {
        throw new IllegalArgumentException("not in the valid spec: " + replacements[i]);
      }
      text = text.replace(replacements[i], replacements[i + 1]);
    }
    return text;
  }

  /** Writes {@code text} as {@code name} in the fixture's folder and returns its path. */
  Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the text as {@code spec.json}. */
  LoadedSpec load(String text) throws SpecException {
    return loader().load(write("spec.json", text));
  }

  /** The rendered problems of loading the text as {@code spec.json}, the folder left out. */
  List<String> problems(String text) {
    return problemsOf(write("spec.json", text));
  }

  /** The rendered problems of loading a file, the fixture folder left out of file names. */
  List<String> problemsOf(Path file) {
    try {
      LoadedSpec spec = loader().load(file);
      return spec.warnings().stream().map(this::render).toList();
    } catch (SpecException e) {
      return e.problems().stream().map(this::render).toList();
    }
  }

  private String render(Problem p) {
    return p.render().replace(dir + "/", "");
  }

  static SpecLoader loader() {
    return new SpecLoader(List.of(JSONNET), Duration.ofSeconds(10));
  }
}
