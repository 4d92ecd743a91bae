package dev.meridian.blueprints.spec;

/**
 * A scheduled eval harness run against every site.
 *
 * @param schedule EventBridge Scheduler expression; default {@code rate(1 day)}
 * @param image    the eval container image (required)
 */
public record Eval(String schedule, String image) {}
