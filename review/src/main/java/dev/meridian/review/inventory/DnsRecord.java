package dev.meridian.review.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Route 53 record of either engine ({@code AWS::Route53::RecordSet}, {@code
 * aws_route53_record}), reduced to what routing depends on.
 *
 * @param resource      the resource it was read from
 * @param name          the record name, lower case, without the trailing dot
 * @param type          the record type, e.g. {@code A}
 * @param setIdentifier the set identifier; empty for a simple record
 * @param failover      {@code PRIMARY} or {@code SECONDARY}; empty when not a failover record
 * @param country       geolocation country code, {@code *} for the default record; empty when none
 * @param continent     geolocation continent code; empty when none
 * @param latencyRegion latency-routing region; empty when none
 * @param aliasTarget   the alias target's DNS name, lower case without trailing dot; empty when none
 * @param values        the record values (IP addresses, names); empty for an alias
 * @param healthCheck   the health check id or reference; empty when none
 */
public record DnsRecord(
    Resource resource,
    String name,
    String type,
    Optional<String> setIdentifier,
    Optional<String> failover,
    Optional<String> country,
    Optional<String> continent,
    Optional<String> latencyRegion,
    Optional<String> aliasTarget,
    List<String> values,
    Optional<String> healthCheck) {

  /** The record a record-set resource of either engine describes. */
  public static DnsRecord of(Resource r) {
    if (r.stack().engine() == Engine.CLOUDFORMATION) {
      JsonNode geo = r.property("GeoLocation");
      return new DnsRecord(r, dnsName(r.property("Name").asText()), r.property("Type").asText(),
          text(r.property("SetIdentifier")), text(r.property("Failover")),
          text(geo.path("CountryCode")), text(geo.path("ContinentCode")), text(r.property("Region")),
          text(r.property("AliasTarget", "DNSName")).map(DnsRecord::dnsName),
          texts(r.property("ResourceRecords")), text(r.property("HealthCheckId")));
    }
    JsonNode failover = first(r.property("failover_routing_policy"));
    JsonNode geo = first(r.property("geolocation_routing_policy"));
    JsonNode latency = first(r.property("latency_routing_policy"));
    JsonNode alias = first(r.property("alias"));
    return new DnsRecord(r, dnsName(r.property("name").asText()), r.property("type").asText(),
        text(r.property("set_identifier")), text(failover.path("type")),
        text(geo.path("country")), text(geo.path("continent")), text(latency.path("region")),
        text(alias.path("name")).map(DnsRecord::dnsName), texts(r.property("records")),
        text(r.property("health_check_id")));
  }

  /** The routing policy in words: {@code failover PRIMARY}, {@code geolocation GB}, {@code latency eu-west-2}, {@code simple}. */
  public String policy() {
    if (failover.isPresent()) {
      return "failover " + failover.get();
    }
    if (country.isPresent() || continent.isPresent()) {
      String where = country.map(c -> c.equals("*") ? "default" : c).orElseGet(() -> "continent " + continent.get());
      return "geolocation " + where;
    }
    return latencyRegion.map(region -> "latency " + region).orElse("simple");
  }

  /** Where the record sends users: its alias target, else its values. */
  public String target() {
    return aliasTarget.orElseGet(() -> String.join(", ", values));
  }

  /** Whether the record takes part in routing (failover, geolocation or latency). */
  public boolean routed() {
    return failover.isPresent() || country.isPresent() || continent.isPresent() || latencyRegion.isPresent();
  }

  /** How tables name it: {@code api.example.com A (uk)}. */
  public String label() {
    return name + " " + type + setIdentifier.map(id -> " (" + id + ")").orElse("");
  }

  private static String dnsName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static JsonNode first(JsonNode block) {
    List<JsonNode> elements = Blocks.each(block);
    return elements.isEmpty() ? block : elements.get(0);
  }

  private static Optional<String> text(JsonNode node) {
    return node.isValueNode() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(v -> out.add(v.asText()));
    return out;
  }
}
