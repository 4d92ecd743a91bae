package dev.meridian.review.diff;

import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Resource;
import dev.meridian.review.inventory.ResourceKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The GPU capacity of one stack's auto-scaling groups and its on-demand cost per hour, from
 * minimum to maximum size. The instance type is read from the group's launch template; types not
 * in {@link GpuPrices} are not GPU capacity.
 *
 * @param gpusMin  GPUs at minimum size
 * @param gpusMax  GPUs at maximum size
 * @param usdMin   USD per hour at minimum size (types without a price in their region count 0)
 * @param usdMax   USD per hour at maximum size
 * @param types    the GPU instance types in use
 * @param unpriced {@code type in region} for each type the price table has no price for there
 */
record GpuCapacity(int gpusMin, int gpusMax, double usdMin, double usdMax, SortedSet<String> types,
    SortedSet<String> unpriced) {

  static final GpuCapacity NONE = new GpuCapacity(0, 0, 0, 0, new TreeSet<>(), new TreeSet<>());

  /** Capacity per stack path ({@code cdk/chat-uk}) of an output. */
  static Map<String, GpuCapacity> of(Inventory inventory) {
    Map<String, GpuCapacity> out = new TreeMap<>();
    for (Resource group : inventory.resources(ResourceKind.AUTO_SCALING_GROUP)) {
      boolean cfn = group.stack().engine() == Engine.CLOUDFORMATION;
      String templateRef = cfn ? group.property("LaunchTemplate", "LaunchTemplateId").asText()
          : Optional.of(group.property("launch_template")).map(n -> n.isArray() ? n.path(0) : n).get().path("id").asText();
      Optional<String> type = inventory.referenced(group, templateRef)
          .map(t -> cfn ? t.property("LaunchTemplateData", "InstanceType").asText() : t.property("instance_type").asText());
      Optional<Integer> gpus = type.flatMap(GpuPrices.builtIn()::gpus);
      if (gpus.isEmpty()) {
        continue;
      }
      int min = group.property(cfn ? "MinSize" : "min_size").asInt();
      int max = group.property(cfn ? "MaxSize" : "max_size").asInt();
      String region = group.region().orElse("an unknown region");
      Optional<Double> price = GpuPrices.builtIn().usdPerHour(type.get(), region);
      SortedSet<String> unpriced = new TreeSet<>();
      if (price.isEmpty()) {
        unpriced.add(type.get() + " in " + region);
      }
      double usd = price.orElse(0.0);
      out.merge(group.stack().path(), new GpuCapacity(min * gpus.get(), max * gpus.get(), min * usd, max * usd,
          new TreeSet<>(Set.of(type.get())), unpriced), GpuCapacity::plus);
    }
    return out;
  }

  GpuCapacity plus(GpuCapacity other) {
    SortedSet<String> allTypes = new TreeSet<>(types);
    allTypes.addAll(other.types);
    SortedSet<String> allUnpriced = new TreeSet<>(unpriced);
    allUnpriced.addAll(other.unpriced);
    return new GpuCapacity(gpusMin + other.gpusMin, gpusMax + other.gpusMax, usdMin + other.usdMin,
        usdMax + other.usdMax, allTypes, allUnpriced);
  }

  /** {@code 1..4 GPUs (g6.xlarge), $0.94..$3.77/h}, naming what has no price. */
  String describe() {
    return gpusMin + ".." + gpusMax + " GPUs" + (types.isEmpty() ? "" : " (" + String.join(", ", types) + ")")
        + ", " + usd(usdMin) + ".." + usd(usdMax) + "/h"
        + (unpriced.isEmpty() ? "" : " (no price for " + String.join(", ", unpriced) + ")");
  }

  static String usd(double value) {
    return String.format(Locale.ROOT, "$%.2f", value);
  }

  static String signedUsd(double value) {
    return (value >= 0 ? "+" : "−") + usd(Math.abs(value));
  }
}
