package dev.meridian.blueprints.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * The hourly on-demand cost of a deployment, from the catalog's prices: minimum capacity to
 * maximum capacity. Dedicated servers are not priced.
 *
 * @param minUsdPerHour every fleet at its minimum
 * @param maxUsdPerHour every fleet at its maximum
 * @param lines         one line per priced resource group (fleet or vector store) per site
 */
public record Cost(BigDecimal minUsdPerHour, BigDecimal maxUsdPerHour, List<Line> lines) {

  public Cost {
    lines = List.copyOf(lines);
  }

  /**
   * One priced group: {@code count} instances of one type at a site.
   *
   * @param site         site name
   * @param what         {@code gpu fleet} or {@code vector store}
   * @param instanceType the EC2 type
   * @param min          minimum instances
   * @param max          maximum instances
   * @param usdPerHour   on-demand price of one instance there; null-free: unknown prices are
   *                     reported as warnings and counted as zero
   */
  public record Line(String site, String what, String instanceType, int min, int max, BigDecimal usdPerHour) {}
}
