package dev.meridian.blueprints.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads {@code catalog.json} with Jackson's streaming parser (no data binding: the catalog is
 * read on every {@code meridian plan}, and binding's start-up cost is most of a second). Strict:
 * a missing or unknown field is an error naming it, so a typo in the data cannot pass silently.
 */
final class CatalogReader {

  private static final JsonFactory FACTORY = new JsonFactory();

  private CatalogReader() {}

  static Catalog read(InputStream in) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      Fields root = fields("catalog", value(parser, parser.nextToken()),
          "asOf", "sources", "jurisdictions", "continents", "regions", "gpuTypes", "instanceTypes");
      return new Catalog(
          root.string("asOf"),
          root.list("sources", s -> {
            Fields f = fields("sources[]", s, "covers", "url", "retrieved");
            return new Catalog.Source(f.string("covers"), f.string("url"), f.string("retrieved"));
          }),
          root.map("jurisdictions", (code, j) -> {
            Fields f = fields("jurisdictions." + code, j, "name", "countries", "homeRegion");
            return new Catalog.Jurisdiction(f.string("name"), f.strings("countries"),
                Optional.ofNullable((String) f.get("homeRegion")));
          }),
          root.map("continents", (code, c) -> strings("continents." + code, c)),
          root.map("regions", (code, r) -> {
            Fields f = fields("regions." + code, r, "jurisdiction", "location", "latitude", "longitude");
            return new Catalog.AwsRegion(f.string("jurisdiction"), f.string("location"),
                f.number("latitude").doubleValue(), f.number("longitude").doubleValue());
          }),
          root.map("gpuTypes", (type, g) -> {
            Fields f = fields("gpuTypes." + type, g, "gpu", "gpus", "gpuMemoryGiB", "vcpus", "memoryGiB",
                "onDemandUsdPerHour", "offeredIn");
            return new Catalog.GpuType(f.string("gpu"), f.integer("gpus"), f.integer("gpuMemoryGiB"),
                f.integer("vcpus"), f.integer("memoryGiB"), f.prices("onDemandUsdPerHour"), f.strings("offeredIn"));
          }),
          root.map("instanceTypes", (type, t) -> {
            Fields f = fields("instanceTypes." + type, t, "vcpus", "memoryGiB", "onDemandUsdPerHour");
            return new Catalog.InstanceType(f.integer("vcpus"), f.integer("memoryGiB"), f.prices("onDemandUsdPerHour"));
          }));
    }
  }

  private static Fields fields(String where, Object value, String... allowed) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalStateException("catalog: " + where + " must be an object");
    }
    Fields f = new Fields(where, map);
    f.only(allowed);
    return f;
  }

  private static Object value(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String key = p.currentName();
          map.put(key, value(p, p.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          list.add(value(p, t));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return p.getDecimalValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IllegalStateException("catalog: unexpected " + token + " at line "
          + p.currentTokenLocation().getLineNr());
    }
  }

  private static Set<String> strings(String where, Object value) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalStateException("catalog: " + where + " must be an array");
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw new IllegalStateException("catalog: " + where + " must hold strings");
      }
      out.add(s);
    }
    return Collections.unmodifiableSet(out);
  }

  /** The fields of one catalog object, read strictly. */
  private record Fields(String where, Map<?, ?> map) {

    void only(String... allowed) {
      Set<String> known = Set.of(allowed);
      map.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
        throw new IllegalStateException("catalog: unknown field " + where + "." + k);
      });
    }

    Object get(String key) {
      return map.get(key);
    }

    private <T> T required(String key, Class<T> type) {
      Object v = map.get(key);
      if (!type.isInstance(v)) {
        throw new IllegalStateException("catalog: " + where + "." + key + " must be a " + type.getSimpleName());
      }
      return type.cast(v);
    }

    String string(String key) {
      return required(key, String.class);
    }

    BigDecimal number(String key) {
      return required(key, BigDecimal.class);
    }

    int integer(String key) {
      return number(key).intValueExact();
    }

    Set<String> strings(String key) {
      return CatalogReader.strings(where + "." + key, map.get(key));
    }

    Map<String, BigDecimal> prices(String key) {
      return map(key, (region, price) -> {
        if (!(price instanceof BigDecimal p)) {
          throw new IllegalStateException("catalog: " + where + "." + key + "." + region + " must be a number");
        }
        return p;
      });
    }

    <T> List<T> list(String key, Function<Object, T> item) {
      return ((List<?>) required(key, List.class)).stream().map(item).toList();
    }

    <T> Map<String, T> map(String key, BiFunction<String, Object, T> entry) {
      Map<String, T> out = new LinkedHashMap<>();
      ((Map<?, ?>) required(key, Map.class)).forEach((k, v) -> out.put((String) k, entry.apply((String) k, v)));
      return Collections.unmodifiableMap(out);
    }
  }
}
