package dev.meridian.constructs.config;

import java.util.List;

/**
 * The props setters both engines' {@code EvalHarness.Builder}s share; each engine adds
 * {@code create}, {@code build} and what only it takes (where the tasks run, the results bucket,
 * in Terraform the region and names). {@code B} is the engine's builder, returned by every setter.
 * Defaults: {@code schedule} {@code rate(1 day)}; {@code cpu} 1024; {@code memoryMiB} 2048;
 * {@code logRetentionDays} 30; {@code targets} none (at least one is required).
 */
public abstract class EvalHarnessPropsBuilder<B extends EvalHarnessPropsBuilder<B>> {

  private String image;
  private String suiteVersion;
  private List<EvalTarget> targets = List.of();
  private String schedule = "rate(1 day)";
  private int cpu = 1024;
  private int memoryMiB = 2048;
  private int logRetentionDays = 30;

  /** This builder, as its engine's type. */
  protected abstract B self();

  /** The eval container image; pin a tag or digest, e.g. {@code ghcr.io/acme/evals:1.4.0}. Required. */
  public B image(String image) {
    this.image = image;
    return self();
  }

  /** The eval suite version every site is measured with, e.g. {@code 1.4.0}. Required. */
  public B suiteVersion(String suiteVersion) {
    this.suiteVersion = suiteVersion;
    return self();
  }

  /**
   * The endpoints to evaluate, one schedule each; site names unique (in Terraform, endpoints HTTPS).
   * Required, ≥ 1.
   */
  public B targets(List<EvalTarget> targets) {
    this.targets = List.copyOf(targets);
    return self();
  }

  /** When to run: a Scheduler {@code rate(...)} or {@code cron(...)} expression (UTC). @default rate(1 day) */
  public B schedule(String schedule) {
    this.schedule = schedule;
    return self();
  }

  /** Fargate CPU units (256, 512, 1024, 2048, 4096, 8192, 16384). @default 1024 */
  public B cpu(int cpu) {
    this.cpu = cpu;
    return self();
  }

  /** Fargate memory in MiB, valid for the CPU chosen. @default 2048 */
  public B memoryMiB(int memoryMiB) {
    this.memoryMiB = memoryMiB;
    return self();
  }

  /** Days eval container logs are kept; a CloudWatch Logs retention. @default 30 */
  public B logRetentionDays(int days) {
    this.logRetentionDays = days;
    return self();
  }

  /** Checks the image, the suite version and the targets (≥ 1, sites unique); engines call it first of these. */
  protected void requireSuite() {
    EvalRun.requireSuite(image, suiteVersion, targets);
  }

  /** Checks the schedule expression, the Fargate size and the log retention. */
  protected void requireRun() {
    ScheduleExpressions.require("schedule", schedule);
    EvalRun.requireSize(cpu, memoryMiB);
    LogRetention.requireSupported("logRetentionDays", logRetentionDays);
  }

  /** The shared props as set; the engine checks them with {@link #requireSuite()} and {@link #requireRun()}. */
  protected EvalHarnessProps props() {
    return new EvalHarnessProps(image, suiteVersion, targets, schedule, cpu, memoryMiB, logRetentionDays);
  }
}
