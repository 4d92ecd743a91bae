package dev.meridian.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Review's own table of GPU instance types: GPUs per instance and Linux on-demand USD per hour
 * per region, loaded from {@code gpu-prices.json} — a copy of the project catalog's GPU prices with
 * their sources (some regional prices are derived, as the sources say). Review keeps a copy so it
 * depends on nothing but the synthesized output; a test keeps the copy equal to the catalog.
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

  /** Where the prices come from: the catalog's date and the addresses of its price sources. */
  public String source() {
    Set<String> urls = new TreeSet<>();
    table.path("sources").forEach(s -> urls.add(s.path("url").asText()));
    return "project catalog of " + table.path("copiedFrom").asText().replaceAll(".*\\(asOf ([0-9-]+)\\).*", "$1")
        + " (Linux on-demand; " + String.join(", ", urls) + ")";
  }

  /** GPUs per instance of the type; empty when it is not a GPU type review knows. */
  public Optional<Integer> gpus(String instanceType) {
    JsonNode type = table.path("types").path(instanceType);
    return type.isMissingNode() ? Optional.empty() : Optional.of(type.path("gpus").asInt());
  }

  /** On-demand USD per hour of one instance in a region; empty when the table has no price for it. */
  public Optional<Double> usdPerHour(String instanceType, String region) {
    JsonNode price = table.path("types").path(instanceType).path("usdPerHour").path(region);
    return price.isNumber() ? Optional.of(price.asDouble()) : Optional.empty();
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
