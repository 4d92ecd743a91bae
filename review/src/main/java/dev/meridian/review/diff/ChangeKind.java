package dev.meridian.review.diff;

/** What happens to a resource between base and head. */
public enum ChangeKind {
  /** New in head. */
  ADDED("+"),
  /** Gone from head: the engine deletes it (unless retained). */
  REMOVED("-"),
  /** Changed in place. */
  UPDATED("~"),
  /** Changed in a property that forces the engine to replace it (delete and create). */
  REPLACED("±");

  private final String sign;

  ChangeKind(String sign) {
    this.sign = sign;
  }

  /** The one-character sign diffs show: {@code + - ~ ±}. */
  public String sign() {
    return sign;
  }
}
