package dev.meridian.blueprints.spec;

/**
 * A hosted LLM API the gateway falls back to when the self-hosted fleet is down. Required for
 * {@code single-region}, optional elsewhere; every field is required.
 *
 * @param provider {@code bedrock}, {@code openai}, {@code anthropic}, {@code azure} or {@code vertex}
 * @param region   the provider region, whose jurisdiction must satisfy residency (for {@code bedrock},
 *                 an AWS commercial region)
 * @param model    the provider's model id
 */
public record Fallback(String provider, String region, String model) {}
