package dev.meridian.blueprints.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * The residency classes of data (DESIGN.md): {@code user} data never crosses a jurisdiction
 * unless the spec allows the transfer; {@code derived} and {@code artifact} data may go anywhere.
 */
public enum DataClass {
  /** Prompts, completions, inference logs, vectors built from user documents. */
  USER("user"),
  /** Metrics and eval scores: no user content. */
  DERIVED("derived"),
  /** Model weights, prompts, configs, eval suites. */
  ARTIFACT("artifact");

  private final String specName;

  DataClass(String specName) {
    this.specName = specName;
  }

  public String specName() {
    return specName;
  }

  public static Optional<DataClass> fromSpecName(String name) {
    return Arrays.stream(values()).filter(d -> d.specName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return specName;
  }
}
