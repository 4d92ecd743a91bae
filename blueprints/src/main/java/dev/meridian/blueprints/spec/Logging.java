package dev.meridian.blueprints.spec;

/**
 * Inference logs (user data), aggregated per jurisdiction.
 *
 * @param retentionDays log retention; default 30, one of CloudWatch's allowed values
 */
public record Logging(int retentionDays) {
  public static final int DEFAULT_RETENTION_DAYS = 30;
}
