package dev.meridian.review.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What review knows of the world, independent of the blueprints' catalog (review must prove
 * residency without trusting the Java that built the output): AWS region → jurisdiction, the
 * countries of each jurisdiction, and the countries Route 53 counts on each continent. Loaded from
 * {@code geography.json}, which names its sources.
 */
public final class Geography {

  private static final Geography BUILT_IN = load();

  private final Map<String, String> regions;
  private final Map<String, String> jurisdictionOfCountry;
  private final Map<String, Set<String>> continents;

  private Geography(Map<String, String> regions, Map<String, String> jurisdictionOfCountry,
      Map<String, Set<String>> continents) {
    this.regions = regions;
    this.jurisdictionOfCountry = jurisdictionOfCountry;
    this.continents = continents;
  }

  /** The geography that ships with review. */
  public static Geography builtIn() {
    return BUILT_IN;
  }

  /** The jurisdiction of an AWS region, e.g. {@code eu-west-2} → {@code UK}. */
  public Optional<String> jurisdictionOfRegion(String region) {
    return Optional.ofNullable(regions.get(region));
  }

  /** The jurisdiction of an ISO-3166 alpha-2 country, e.g. {@code GB} → {@code UK}. */
  public Optional<String> jurisdictionOfCountry(String country) {
    return Optional.ofNullable(jurisdictionOfCountry.get(country));
  }

  /** The countries of a Route 53 continent code; empty for an unknown code. */
  public Set<String> countriesOf(String continent) {
    return continents.getOrDefault(continent, Set.of());
  }

  /** Every country review assigns to a jurisdiction. */
  public Set<String> countries() {
    return jurisdictionOfCountry.keySet();
  }

  /** The AWS region a name ends with ({@code chat-uk-logs-123-eu-west-2} → {@code eu-west-2}). */
  public Optional<String> regionAtEndOf(String name) {
    return regions.keySet().stream()
        .filter(r -> name.endsWith("-" + r) || name.equals(r))
        .max((a, b) -> Integer.compare(a.length(), b.length()));
  }

  private static Geography load() {
    try (InputStream in = Geography.class.getResourceAsStream("/dev/meridian/review/geography.json")) {
      if (in == null) {
        throw new IllegalStateException("review resource missing: dev/meridian/review/geography.json");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, String> regions = new TreeMap<>();
      root.path("regions").properties().forEach(e -> regions.put(e.getKey(), e.getValue().asText()));
      Map<String, String> countries = new TreeMap<>();
      root.path("jurisdictions").properties().forEach(
          e -> e.getValue().forEach(c -> countries.put(c.asText(), e.getKey())));
      Map<String, Set<String>> continents = new TreeMap<>();
      root.path("continents").properties().forEach(e -> {
        Set<String> members = new TreeSet<>();
        e.getValue().forEach(c -> members.add(c.asText()));
        continents.put(e.getKey(), members);
      });
      return new Geography(regions, countries, continents);
    } catch (IOException e) {
      throw new UncheckedIOException("review resource unreadable: dev/meridian/review/geography.json", e);
    }
  }
}
