package dev.meridian.review.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a nested block: Terraform JSON writes one as an object or as a list of them,
 * CloudFormation as a list; a missing block has none.
 */
public final class Blocks {

  private Blocks() {}

  /** The block's elements: the list's, or the one object; none for anything else. */
  public static List<JsonNode> each(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(out::add);
    } else if (node.isObject()) {
      out.add(node);
    }
    return out;
  }
}
