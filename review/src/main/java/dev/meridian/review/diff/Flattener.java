package dev.meridian.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Flattens a resource body to property path → compact JSON, so two bodies compare leaf by leaf.
 * Lists of {@code {Key, …}} or {@code {key, …}} objects (tags) are keyed by their key, other
 * lists by index. Asset hashes (64 hex characters) read as {@code <asset-hash>}: a rebuilt asset
 * is not a change a reviewer needs to see.
 */
final class Flattener {

  private static final Pattern ASSET_HASH = Pattern.compile("\\b[0-9a-f]{64}\\b");

  private Flattener() {}

  static SortedMap<String, String> flatten(JsonNode body) {
    SortedMap<String, String> out = new TreeMap<>();
    flatten(body, "", out);
    return out;
  }

  private static void flatten(JsonNode node, String path, Map<String, String> out) {
    if (node.isObject() && node.size() > 0) {
      node.properties().forEach(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
    } else if (node.isArray() && node.size() > 0) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        String key = element.path("Key").isTextual() ? element.path("Key").asText()
            : element.path("key").isTextual() ? element.path("key").asText() : String.valueOf(i);
        flatten(element, path + "[" + key + "]", out);
      }
    } else if (node.isTextual()) {
      out.put(path, TextNode.valueOf(ASSET_HASH.matcher(node.asText()).replaceAll("<asset-hash>")).toString());
    } else {
      out.put(path, node.toString());
    }
  }
}
