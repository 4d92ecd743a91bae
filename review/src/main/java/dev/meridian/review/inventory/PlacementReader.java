package dev.meridian.review.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads the Meridian placement object a stack records ({@code Metadata.Meridian}, {@code locals.meridian}). */
final class PlacementReader {

  private final String where;
  private final List<String> errors = new ArrayList<>();

  private PlacementReader(String where) {
    this.where = where;
  }

  /** The placement, or the reason it cannot be read. */
  static Result read(JsonNode node, String where) {
    if (node.isMissingNode() || node.isNull()) {
      return new Result(Optional.empty(), Optional.of(where + " is missing (every Meridian stack records it)"));
    }
    PlacementReader reader = new PlacementReader(where);
    String deployment = reader.text(node, "deployment");
    String pattern = reader.text(node, "pattern");
    Optional<String> site = reader.optionalText(node, "site");
    Optional<String> jurisdiction = reader.optionalText(node, "jurisdiction");
    String awsRegion = reader.text(node, "awsRegion");
    JsonNode residency = node.path("residency");
    String mode = reader.text(residency, "mode");
    if (!mode.isEmpty() && !mode.equals("strict") && !mode.equals("none")) {
      reader.errors.add(where + ".residency.mode: " + mode + " (expected strict or none)");
    }
    List<Transfer> transfers = new ArrayList<>();
    for (JsonNode t : residency.path("allowedTransfers")) {
      transfers.add(new Transfer(reader.text(t, "from"), reader.text(t, "to")));
    }
    SortedMap<String, String> sites = new TreeMap<>();
    if (!node.path("sites").isObject()) {
      reader.errors.add(where + ".sites: missing (expected site → jurisdiction)");
    }
    node.path("sites").properties().forEach(e -> sites.put(e.getKey(), e.getValue().asText()));
    if (!reader.errors.isEmpty()) {
      return new Result(Optional.empty(), Optional.of(String.join("; ", reader.errors)));
    }
    return new Result(Optional.of(new StackPlacement(deployment, pattern, site, jurisdiction, awsRegion,
        new Residency(!mode.equals("none"), transfers), sites)), Optional.empty());
  }

  private String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      errors.add(where + "." + field + ": missing or not a string");
      return "";
    }
    return value.asText();
  }

  private Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      errors.add(where + "." + field + ": not a string or null");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  /** A placement or why there is none. */
  record Result(Optional<StackPlacement> placement, Optional<String> error) {}
}
