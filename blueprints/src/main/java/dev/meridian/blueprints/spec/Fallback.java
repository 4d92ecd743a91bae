package dev.meridian.blueprints.spec;

/**
 * A hosted LLM API the gateway falls back to when the self-hosted fleet is down.
 *
 * @param provider {@code bedrock} (others: {@code openai}, {@code anthropic}, {@code azure})
 * @param region   the provider region, whose jurisdiction must satisfy residency
 * @param model    the provider's model id
 */
public record Fallback(String provider, String region, String model) {}
