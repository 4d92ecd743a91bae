package dev.meridian.constructs.config;

/**
 * The props both engines' {@code FailoverDrill}s share, as set on a {@link FailoverDrillPropsBuilder}
 * (checked by its {@code requireDrill(...)}).
 *
 * @param target          what the drill takes out of service
 * @param durationMinutes minutes the site stays out of service, 1–720; default 15
 * @param schedule        a Scheduler {@code rate(...)} or {@code cron(...)} expression; null (the default) when
 *                        started by hand
 */
public record FailoverDrillProps(DrillTarget target, int durationMinutes, String schedule) {
}
