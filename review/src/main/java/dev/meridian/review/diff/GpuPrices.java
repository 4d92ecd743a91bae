package dev.meridian.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Review's own small table of GPU instance types: GPUs per instance and on-demand USD per hour
 * (us-east-1 list price times a region factor), loaded from {@code gpu-prices.json}, which names
 * its source. Review keeps its own table so it depends on nothing but the synthesized output.
 */
public final class GpuPrices {

  private static final GpuPrices BUILT_IN = load();

  private final JsonNode table;

  private GpuPrices(JsonNode table) {
    this.table = table;
  }

  /** The table that ships with review. */
  public static GpuPrices builtIn() {
    return BUILT_IN;
  }

  /** Where the prices come from. */
  public String source() {
    return table.path("source").asText();
  }

  /** GPUs per instance of the type; empty when it is not a GPU type review knows. */
  public Optional<Integer> gpus(String instanceType) {
    JsonNode type = table.path("types").path(instanceType);
    return type.isMissingNode() ? Optional.empty() : Optional.of(type.path("gpus").asInt());
  }

  /** On-demand USD per hour of one instance in a region; empty for an unknown type or region. */
  public Optional<Double> usdPerHour(String instanceType, String region) {
    JsonNode type = table.path("types").path(instanceType);
    JsonNode factor = table.path("regionFactors").path(region);
    if (type.isMissingNode() || factor.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(type.path("usdPerHour").asDouble() * factor.asDouble());
  }

  private static GpuPrices load() {
    try (InputStream in = GpuPrices.class.getResourceAsStream("/dev/meridian/review/gpu-prices.json")) {
      if (in == null) {
        throw new IllegalStateException("review resource missing: dev/meridian/review/gpu-prices.json");
      }
      return new GpuPrices(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("review resource unreadable: dev/meridian/review/gpu-prices.json", e);
    }
  }
}
