package dev.meridian.constructs.config;

import java.util.List;

/**
 * The props both engines' {@code EvalHarness}es share, as set on an {@link EvalHarnessPropsBuilder}
 * (checked by its {@code requireSuite()} and {@code requireRun()}).
 *
 * @param image            the eval container image, pinned by tag or digest
 * @param suiteVersion     the eval suite version every site is measured with
 * @param targets          the endpoints to evaluate, one schedule each
 * @param schedule         a Scheduler {@code rate(...)} or {@code cron(...)} expression; default {@code rate(1 day)}
 * @param cpu              Fargate CPU units; default 1024
 * @param memoryMiB        Fargate memory in MiB; default 2048
 * @param logRetentionDays days eval container logs are kept; default 30
 */
public record EvalHarnessProps(String image, String suiteVersion, List<EvalTarget> targets, String schedule, int cpu,
    int memoryMiB, int logRetentionDays) {
}
