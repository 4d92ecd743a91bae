package dev.meridian.review.diff;

/**
 * One property that differs: its path inside the resource ({@code Properties.BucketName}, {@code
 * Properties.Tags[meridian:site]}, {@code instance_type}) and its compact JSON before and after;
 * {@code —} stands for absent.
 *
 * @param path     the property path
 * @param before   the base value, or {@code —}
 * @param after    the head value, or {@code —}
 * @param replaces whether changing it forces replacement of the resource
 */
public record PropertyChange(String path, String before, String after, boolean replaces) {

  /** The marker for a property absent on one side. */
  public static final String ABSENT = "—";
}
