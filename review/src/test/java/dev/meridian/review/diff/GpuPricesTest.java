package dev.meridian.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Review's copy of GPU prices stays equal to the project catalog it was copied from. */
class GpuPricesTest {

  private static final Path CATALOG = Path.of("../blueprints/src/main/resources/dev/meridian/blueprints/catalog/catalog.json");

  @Test
  void everyCatalogGpuTypeHasTheSameGpusAndPricesInReview() throws IOException {
    JsonNode catalog = new ObjectMapper().readTree(CATALOG.toFile());
    catalog.path("gpuTypes").properties().forEach(e -> {
      assertThat(GpuPrices.builtIn().gpus(e.getKey())).as(e.getKey()).contains(e.getValue().path("gpus").asInt());
      e.getValue().path("onDemandUsdPerHour").properties().forEach(p ->
          assertThat(GpuPrices.builtIn().usdPerHour(e.getKey(), p.getKey())).as("%s in %s", e.getKey(), p.getKey())
              .contains(p.getValue().asDouble()));
    });
  }

  @Test
  void aRegionWithoutAPriceHasNone() {
    assertThat(GpuPrices.builtIn().usdPerHour("g6e.xlarge", "eu-west-2")).isEmpty();
  }

  @Test
  void sourceNamesTheCatalogDateAndPriceAddresses() {
    assertThat(GpuPrices.builtIn().source()).isEqualTo("project catalog of 2026-11-25 (Linux on-demand; "
        + "https://aws.amazon.com/ec2/pricing/on-demand/, https://www.usage.ai/blogs/aws/ai-ml-cost/llm-cost-optimization-aws/)");
  }
}
