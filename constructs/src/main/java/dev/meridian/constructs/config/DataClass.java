package dev.meridian.constructs.config;

import java.util.Locale;

/**
 * The class of data a resource holds, as written in its {@link TagKeys#DATA_CLASS} tag:
 * {@code user} (prompts, completions, request logs, client addresses), {@code derived}
 * (metrics, flow records, eval scores: no user content) or {@code artifact} (model weights,
 * prompts, configs).
 */
public enum DataClass {
  USER,
  DERIVED,
  ARTIFACT;

  /** The tag value: the lower-case name, e.g. {@code user}. */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
