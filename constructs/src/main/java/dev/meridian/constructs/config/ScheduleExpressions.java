package dev.meridian.constructs.config;

import java.util.regex.Pattern;

/**
 * Checks EventBridge Scheduler expressions, the same for both engines: {@code rate(1 day)} or
 * {@code cron(0 10 ? * TUE *)}.
 */
public final class ScheduleExpressions {

  private static final Pattern EXPRESSION = Pattern.compile(
      "rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\(\\S+( \\S+){5}\\)");

  private ScheduleExpressions() {}

  /** The expression, if Scheduler accepts its form; otherwise an error naming the field. */
  public static String require(String field, String expression) {
    if (expression == null || !EXPRESSION.matcher(expression).matches()) {
      throw new IllegalArgumentException(field + ": '" + expression
          + "' is not a schedule; use rate(<n> <minutes|hours|days>) or cron(<6 fields>), e.g. cron(0 10 ? * TUE *)");
    }
    return expression;
  }
}
