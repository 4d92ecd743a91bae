package dev.meridian.blueprints.plan;

import dev.meridian.blueprints.catalog.Catalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Who a geolocation record answers: a country, a continent, or everyone not matched. */
public sealed interface GeoTarget {

  /**
   * The larger areas whose records Route 53 answers with, in order, when this target's record
   * is unhealthy: a country's continent, then the default; nothing after the default.
   */
  List<GeoTarget> largerAreas(Catalog catalog);

  /** ISO-3166 alpha-2 country code, e.g. {@code GB}. */
  record Country(String code) implements GeoTarget {
    public List<GeoTarget> largerAreas(Catalog catalog) {
      Stream<GeoTarget> continent = catalog.continents().entrySet().stream()
          .filter(e -> e.getValue().contains(code)).map(Map.Entry::getKey).sorted().limit(1)
          .map(Continent::new);
      return Stream.concat(continent, Stream.of(new Default())).toList();
    }
  }

  /** Route 53 continent code: EU, NA, SA, AS, AF, OC, AN. */
  record Continent(String code) implements GeoTarget {
    public List<GeoTarget> largerAreas(Catalog catalog) {
      return List.of(new Default());
    }
  }

  /** The default record ({@code *}): users no other record matches. */
  record Default() implements GeoTarget {
    public List<GeoTarget> largerAreas(Catalog catalog) {
      return List.of();
    }
  }
}
