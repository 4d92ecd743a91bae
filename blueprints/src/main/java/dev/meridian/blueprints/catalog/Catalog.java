package dev.meridian.blueprints.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Meridian knows about AWS and the world, with sources and a date: commercial regions and
 * their jurisdictions, countries and continents, and GPU instance types with on-demand prices and
 * the regions that offer them. Loaded once from {@code catalog.json} on the classpath.
 *
 * @param asOf          the date the data was researched (ISO-8601)
 * @param sources       where each part of the data comes from
 * @param jurisdictions jurisdiction code (UK, EU, CH, US, …) → its countries and home region
 * @param continents    continent code (EU, NA, SA, AS, AF, OC, AN) → ISO-3166 alpha-2 countries
 * @param regions       AWS region code → its jurisdiction and city
 * @param gpuTypes      GPU instance type → its GPUs, prices and offering regions
 * @param instanceTypes other instance types Meridian prices (e.g. vector store nodes)
 */
public record Catalog(
    String asOf,
    List<Source> sources,
    Map<String, Jurisdiction> jurisdictions,
    Map<String, Set<String>> continents,
    Map<String, AwsRegion> regions,
    Map<String, GpuType> gpuTypes,
    Map<String, InstanceType> instanceTypes) {

  private static final Catalog BUILT_IN = read("catalog.json");

  /** The catalog that ships with Meridian. */
  public static Catalog builtIn() {
    return BUILT_IN;
  }

  static Catalog read(String resource) {
    try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalog resource missing: " + resource);
      }
      return CatalogReader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("catalog resource unreadable: " + resource, e);
    }
  }

  /** The AWS commercial region of that code, e.g. {@code eu-west-2}. */
  public Optional<AwsRegion> region(String code) {
    return Optional.ofNullable(regions.get(code));
  }

  /** The GPU instance type of that name, e.g. {@code g6.xlarge}. */
  public Optional<GpuType> gpuType(String instanceType) {
    return Optional.ofNullable(gpuTypes.get(instanceType));
  }

  /** The jurisdiction a country (ISO-3166 alpha-2) belongs to, e.g. GB → UK, FR → EU. */
  public Optional<String> jurisdictionOfCountry(String country) {
    return jurisdictions.entrySet().stream()
        .filter(e -> e.getValue().countries().contains(country))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Whether the code is a continent code Route 53 geolocation accepts. */
  public boolean isContinent(String code) {
    return continents.containsKey(code);
  }

  /** Whether the code is an ISO-3166 alpha-2 country the catalog knows. */
  public boolean isCountry(String code) {
    return continents.values().stream().anyMatch(c -> c.contains(code));
  }

  /** On-demand USD per hour of any priced instance type in a region, if the catalog has it. */
  public Optional<BigDecimal> onDemandPrice(String instanceType, String region) {
    if (gpuTypes.containsKey(instanceType)) {
      return Optional.ofNullable(gpuTypes.get(instanceType).onDemandUsdPerHour().get(region));
    }
    return Optional.ofNullable(instanceTypes.get(instanceType))
        .map(t -> t.onDemandUsdPerHour().get(region));
  }

  /** Where a part of the catalog comes from. */
  public record Source(String covers, String url, String retrieved) {}

  /**
   * A legal area whose user data must stay inside it.
   *
   * @param name       human name, e.g. {@code United Kingdom}
   * @param countries  ISO-3166 alpha-2 codes of its countries
   * @param homeRegion the AWS region standing for it where one is needed (e.g. latency records
   *                   of a dedicated server); empty when AWS has no region there
   */
  public record Jurisdiction(String name, Set<String> countries, Optional<String> homeRegion) {}

  /**
   * An AWS commercial region.
   *
   * @param jurisdiction the jurisdiction its data lives in, e.g. {@code UK}
   * @param location     city, e.g. {@code London}
   * @param latitude     approximate latitude of the city, for nearest-region estimates
   * @param longitude    approximate longitude of the city
   */
  public record AwsRegion(String jurisdiction, String location, double latitude, double longitude) {}

  /**
   * A GPU instance type.
   *
   * @param gpu                 GPU model, e.g. {@code NVIDIA L4}
   * @param gpus                GPUs per instance
   * @param gpuMemoryGiB        total GPU memory per instance
   * @param onDemandUsdPerHour  region → Linux on-demand price
   * @param offeredIn           regions that offer the type
   */
  public record GpuType(
      String gpu, int gpus, int gpuMemoryGiB, int vcpus, int memoryGiB,
      Map<String, BigDecimal> onDemandUsdPerHour, Set<String> offeredIn) {

    /** Whether the type is offered in that region. */
    public boolean offeredIn(String region) {
      return offeredIn.contains(region);
    }
  }

  /** A non-GPU instance type Meridian prices, e.g. {@code r6i.large} for Qdrant nodes. */
  public record InstanceType(int vcpus, int memoryGiB, Map<String, BigDecimal> onDemandUsdPerHour) {}
}
