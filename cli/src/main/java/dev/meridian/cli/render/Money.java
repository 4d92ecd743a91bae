package dev.meridian.cli.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Dollar amounts as plans show them: {@code $1,234.57}. */
final class Money {

  private Money() {}

  static String usd(BigDecimal amount) {
    return String.format(java.util.Locale.ROOT, "$%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
  }
}
