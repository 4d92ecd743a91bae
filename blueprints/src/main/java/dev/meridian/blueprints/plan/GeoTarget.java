package dev.meridian.blueprints.plan;

/** Who a geolocation record answers: a country, a continent, or everyone not matched. */
public sealed interface GeoTarget {

  /** ISO-3166 alpha-2 country code, e.g. {@code GB}. */
  record Country(String code) implements GeoTarget {}

  /** Route 53 continent code: EU, NA, SA, AS, AF, OC, AN. */
  record Continent(String code) implements GeoTarget {}

  /** The default record ({@code *}): users no other record matches. */
  record Default() implements GeoTarget {}
}
