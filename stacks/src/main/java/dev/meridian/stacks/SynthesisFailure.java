package dev.meridian.stacks;

import java.util.List;

/**
 * A synthesis that produced error annotations (e.g. a cdk-nag finding nobody accepted): the
 * output is not written. Each line names the stack, the construct path and the finding. This is
 * a defect in Meridian or its constructs, not in the user's spec.
 */
public final class SynthesisFailure extends RuntimeException {

  private final transient List<String> lines;

  public SynthesisFailure(List<String> lines) {
    super(lines.size() + " synthesis error(s); first: " + (lines.isEmpty() ? "" : lines.get(0)), null, false, false);
    this.lines = List.copyOf(lines);
  }

  /** One line per error: {@code stack: path: message}. */
  public List<String> lines() {
    return lines;
  }
}
