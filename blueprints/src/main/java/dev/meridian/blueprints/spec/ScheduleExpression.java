package dev.meridian.blueprints.spec;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks EventBridge Scheduler expressions: {@code rate(VALUE UNIT)}, {@code cron(6 fields)} and
 * {@code at(yyyy-mm-ddThh:mm:ss)}, as the scheduler accepts them.
 */
final class ScheduleExpression {

  private static final Pattern RATE = Pattern.compile("rate\\((\\d{1,9}) (minute|minutes|hour|hours|day|days)\\)");
  private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
  private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
  private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?,/#L W-]+");
  private static final String[] CRON_NAMES = {"minutes", "hours", "day-of-month", "month", "day-of-week", "year"};

  private ScheduleExpression() {}

  /** What is wrong with the expression, or empty when the scheduler accepts it. */
  static Optional<String> problem(String expression) {
    Matcher rate = RATE.matcher(expression);
    if (rate.matches()) {
      long value = Long.parseLong(rate.group(1));
      boolean singular = !rate.group(2).endsWith("s");
      if (value == 0) {
        return Optional.of("rate value must be at least 1");
      }
      if (singular != (value == 1)) {
        return Optional.of("use " + (value == 1 ? "a singular" : "a plural") + " unit with " + value
            + " (e.g. \"rate(1 day)\", \"rate(5 minutes)\")");
      }
      return Optional.empty();
    }
    Matcher cron = CRON.matcher(expression);
    if (cron.matches()) {
      String[] fields = cron.group(1).trim().split(" +");
      if (fields.length != 6) {
        return Optional.of("cron needs 6 fields (minutes hours day-of-month month day-of-week year), got "
            + fields.length);
      }
      for (int i = 0; i < fields.length; i++) {
        if (!CRON_FIELD.matcher(fields[i]).matches()) {
          return Optional.of("cron " + CRON_NAMES[i] + " field " + Text.quote(fields[i]) + " is not valid");
        }
      }
      if (fields[2].equals("?") == fields[4].equals("?")) {
        return Optional.of("cron needs \"?\" in exactly one of day-of-month and day-of-week");
      }
      return Optional.empty();
    }
    Matcher at = AT.matcher(expression);
    if (at.matches()) {
      try {
        LocalDateTime.parse(at.group(1));
        return Optional.empty();
      } catch (DateTimeParseException e) {
        return Optional.of("at(...) has no such date and time");
      }
    }
    return Optional.of("is not a schedule expression (expected rate(1 day), cron(0 10 ? * TUE *) or"
        + " at(2026-01-31T10:00:00))");
  }
}
