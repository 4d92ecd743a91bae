package dev.meridian.blueprints.spec;

/**
 * Scheduled failover drills.
 *
 * @param schedule        EventBridge Scheduler expression, e.g. {@code cron(0 10 ? * TUE *)} (required)
 * @param durationMinutes how long a site stays out of service; default 15
 */
public record Drills(String schedule, int durationMinutes) {}
