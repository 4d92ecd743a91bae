package dev.meridian.constructs.config;

/**
 * The props setters both engines' {@code FailoverDrill.Builder}s share; each engine adds
 * {@code create}, {@code build} and what only it takes (the stop-condition alarms as objects or
 * ARNs, in Terraform the region and name). {@code B} is the engine's builder, returned by every
 * setter. Defaults: {@code durationMinutes} 15; {@code schedule} none (the drill is started by hand).
 */
public abstract class FailoverDrillPropsBuilder<B extends FailoverDrillPropsBuilder<B>> {

  private DrillTarget target;
  private int durationMinutes = 15;
  private String schedule;

  /** This builder, as its engine's type. */
  protected abstract B self();

  /** What the drill takes out of service. Required. */
  public B target(DrillTarget target) {
    this.target = target;
    return self();
  }

  /** Minutes the site stays out of service, 1–720. @default 15 */
  public B durationMinutes(int minutes) {
    this.durationMinutes = minutes;
    return self();
  }

  /** When to run: a Scheduler {@code rate(...)} or {@code cron(...)} expression (UTC). @default none (started by hand) */
  public B schedule(String schedule) {
    this.schedule = schedule;
    return self();
  }

  /**
   * Checks the target, the stop conditions ({@code stopConditions} of them, the engine's prop
   * {@code stopConditionsField}), the duration and the schedule, as {@link DrillExperiment#requireProps} does.
   */
  protected void requireDrill(String stopConditionsField, int stopConditions) {
    DrillExperiment.requireProps(target, stopConditionsField, stopConditions, durationMinutes, schedule);
  }

  /** The shared props as set; the engine checks them with {@link #requireDrill}. */
  protected FailoverDrillProps props() {
    return new FailoverDrillProps(target, durationMinutes, schedule);
  }
}
