package dev.meridian.blueprints.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private static final Catalog CATALOG = Catalog.builtIn();

  private static final List<String> EU_MEMBER_STATES = List.of(
      "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
      "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

  @Test
  void everyRegionBelongsToAKnownJurisdiction() {
    CATALOG.regions().forEach((code, region) ->
        assertThat(CATALOG.jurisdictions()).as(code).containsKey(region.jurisdiction()));
  }

  @Test
  void everyHomeRegionIsARegionOfItsOwnJurisdiction() {
    CATALOG.jurisdictions().forEach((code, jurisdiction) ->
        jurisdiction.homeRegion().ifPresent(home ->
            assertThat(CATALOG.region(home)).as(code).hasValueSatisfying(
                r -> assertThat(r.jurisdiction()).isEqualTo(code))));
  }

  @Test
  void everyEuMemberStateIsInTheEu() {
    assertThat(CATALOG.jurisdictions().get("EU").countries())
        .containsExactlyInAnyOrderElementsOf(EU_MEMBER_STATES);
    EU_MEMBER_STATES.forEach(c -> assertThat(CATALOG.jurisdictionOfCountry(c)).as(c).hasValue("EU"));
  }

  @Test
  void greatBritainIsTheUkAndSwitzerlandIsItsOwn() {
    assertThat(CATALOG.jurisdictionOfCountry("GB")).hasValue("UK");
    assertThat(CATALOG.jurisdictionOfCountry("CH")).hasValue("CH");
  }

  @Test
  void londonIsUkAndZurichIsSwissAndFrankfurtIsEu() {
    assertThat(CATALOG.region("eu-west-2")).get().extracting(Catalog.AwsRegion::jurisdiction).isEqualTo("UK");
    assertThat(CATALOG.region("eu-central-2")).get().extracting(Catalog.AwsRegion::jurisdiction).isEqualTo("CH");
    assertThat(CATALOG.region("eu-central-1")).get().extracting(Catalog.AwsRegion::jurisdiction).isEqualTo("EU");
  }

  @Test
  void noCountryBelongsToTwoJurisdictions() {
    List<String> all = CATALOG.jurisdictions().values().stream()
        .flatMap(j -> j.countries().stream()).toList();
    assertThat(all).doesNotHaveDuplicates();
  }

  @Test
  void everyCountryIsOnExactlyOneContinent() {
    List<String> all = CATALOG.continents().values().stream().flatMap(c -> c.stream()).toList();
    assertThat(all).doesNotHaveDuplicates().hasSize(249);
    assertThat(CATALOG.continents().keySet()).containsExactlyInAnyOrder("AF", "AN", "AS", "EU", "NA", "OC", "SA");
  }

  @Test
  void everyJurisdictionCountryIsAKnownCountry() {
    CATALOG.jurisdictions().forEach((code, j) ->
        j.countries().forEach(c -> assertThat(CATALOG.isCountry(c)).as(code + " " + c).isTrue()));
  }

  @Test
  void everyOfferingRegionHasAPriceAndIsAKnownRegion() {
    CATALOG.gpuTypes().forEach((type, gpu) -> {
      assertThat(gpu.onDemandUsdPerHour().keySet()).as(type).isEqualTo(gpu.offeredIn());
      gpu.offeredIn().forEach(r -> assertThat(CATALOG.region(r)).as(type + " " + r).isPresent());
      gpu.onDemandUsdPerHour().values().forEach(p -> assertThat(p).as(type).isPositive());
    });
  }

  @Test
  void londonDoesNotOfferG6e() {
    CATALOG.gpuTypes().entrySet().stream()
        .filter(e -> e.getKey().startsWith("g6e."))
        .forEach(e -> assertThat(e.getValue().offeredIn("eu-west-2")).as(e.getKey()).isFalse());
  }

  @Test
  void availabilityFollowsInstanceTypeOfferings() {
    assertThat(CATALOG.gpuType("p5.48xlarge").orElseThrow().offeredIn("eu-central-1")).isFalse();
    assertThat(CATALOG.gpuType("g6.xlarge").orElseThrow().offeredIn("eu-west-1")).isFalse();
    assertThat(CATALOG.gpuType("g6e.xlarge").orElseThrow().offeredIn("eu-west-1")).isFalse();
    for (String type : List.of("g5.xlarge", "g6.xlarge", "g6e.xlarge", "p4d.24xlarge", "p5.48xlarge")) {
      assertThat(CATALOG.gpuType(type).orElseThrow().offeredIn()).as(type).contains("us-east-1", "us-west-2");
    }
  }

  @Test
  void theGpuTypesTheSpecNamesAreAllKnown() {
    assertThat(CATALOG.gpuTypes()).containsKeys(
        "g4dn.xlarge", "g4dn.2xlarge", "g4dn.12xlarge",
        "g5.xlarge", "g5.2xlarge", "g5.12xlarge", "g5.48xlarge",
        "g6.xlarge", "g6.2xlarge", "g6.12xlarge", "g6.48xlarge",
        "g6e.xlarge", "g6e.2xlarge", "g6e.12xlarge", "g6e.48xlarge",
        "p4d.24xlarge", "p5.48xlarge");
  }

  @Test
  void vectorStoreNodeTypesArePricedInEveryRegionGpusArePriced() {
    for (String type : List.of("r6i.large", "r6i.xlarge", "r6i.2xlarge", "r7i.large", "r7i.xlarge", "m6i.large", "m6i.xlarge")) {
      Map<String, ?> prices = CATALOG.instanceTypes().get(type).onDemandUsdPerHour();
      assertThat(prices).as(type).containsKeys("us-east-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1");
    }
  }

  @Test
  void everySourceSaysWhatItCoversWhereAndWhen() {
    assertThat(CATALOG.sources()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.covers()).isNotBlank();
      assertThat(s.url()).startsWith("https://");
      assertThat(s.retrieved()).matches("\\d{4}-\\d{2}-\\d{2}");
    });
  }

  @Test
  void continentCodesAndCountriesAreTold() {
    assertThat(CATALOG.isContinent("EU")).isTrue();
    assertThat(CATALOG.isContinent("GB")).isFalse();
    assertThat(CATALOG.isCountry("GB")).isTrue();
    assertThat(CATALOG.isCountry("XX")).isFalse();
  }

  @Test
  void anUnknownFieldInTheCatalogDataIsAnError() {
    String json = "{\"asOf\": \"2026-11-25\", \"sources\": [], \"jurisdictions\": {}, \"continents\": {},"
        + " \"regions\": {\"eu-west-2\": {\"jurisdiction\": \"UK\", \"location\": \"London\", \"latitude\": 51.5,"
        + " \"longitude\": -0.1, \"city\": \"London\"}}, \"gpuTypes\": {}, \"instanceTypes\": {}}";
    assertThatThrownBy(() -> CatalogReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("catalog: unknown field regions.eu-west-2.city");
  }

  @Test
  void aJurisdictionWithoutAwsRegionHasNoHomeRegion() {
    assertThat(CATALOG.jurisdictions().get("NO").homeRegion()).isEmpty();
    assertThat(CATALOG.jurisdictions().get("UK").homeRegion()).hasValue("eu-west-2");
  }
}
