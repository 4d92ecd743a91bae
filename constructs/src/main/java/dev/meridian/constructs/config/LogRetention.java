package dev.meridian.constructs.config;

import java.util.List;

/**
 * The retention periods, in days, that CloudWatch Logs accepts for a log group. Constructs
 * take retention as a number of days (engine-neutral) and check it here.
 */
public final class LogRetention {

  /** Every retention CloudWatch Logs accepts, ascending. */
  public static final List<Integer> SUPPORTED_DAYS = List.of(
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
      3288, 3653);

  private LogRetention() {}

  /** The days, if CloudWatch Logs accepts them; otherwise an error naming the field. */
  public static int requireSupported(String field, int days) {
    if (!SUPPORTED_DAYS.contains(days)) {
      throw new IllegalArgumentException(
          field + ": " + days + " days is not a CloudWatch Logs retention; use one of " + SUPPORTED_DAYS);
    }
    return days;
  }
}
