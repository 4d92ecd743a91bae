package dev.meridian.constructs.dns;

import java.util.Optional;

/**
 * One Route 53 record set (type A) of a {@code DnsFailover}: a name, the policy that picks it,
 * and what it answers — a site (an alias to its load balancer, or its addresses), optionally
 * carrying the site's health check, or an alias to another name in the same zone (how failover
 * chains through several standbys; it evaluates the health of the name it points at).
 *
 * @param name          the fully qualified name, without the trailing dot
 * @param setIdentifier unique among the records of the name; none for a simple record
 * @param policy        the routing policy
 * @param site          the site answered with; empty for an alias
 * @param healthChecked whether the record carries the site's health check; false for an alias
 * @param aliasOf       the other record name aliased; empty for a site record
 */
public record DnsRecord(
    String name, Optional<String> setIdentifier, RoutingPolicy policy, Optional<String> site, boolean healthChecked,
    Optional<String> aliasOf) {

  /** A record answering with a site. */
  public static DnsRecord toSite(String name, String setIdentifier, RoutingPolicy policy, String site, boolean healthChecked) {
    return new DnsRecord(name, Optional.ofNullable(setIdentifier), policy, Optional.of(site), healthChecked, Optional.empty());
  }

  /** A record aliasing another record name of the same zone. */
  public static DnsRecord aliasOf(String name, String setIdentifier, RoutingPolicy policy, String otherName) {
    return new DnsRecord(name, Optional.ofNullable(setIdentifier), policy, Optional.empty(), false, Optional.of(otherName));
  }

  public DnsRecord {
    if (name == null || name.isBlank() || name.endsWith(".")) {
      throw new IllegalArgumentException("record name: '" + name + "' must be a fully qualified name without the trailing dot");
    }
    if (policy == null) {
      throw new IllegalArgumentException("record " + name + ": policy missing");
    }
    boolean simple = policy instanceof RoutingPolicy.Simple;
    if (simple && setIdentifier.isPresent()) {
      throw new IllegalArgumentException("record " + name + ": a simple record takes no setIdentifier");
    }
    if (!simple && setIdentifier.filter(id -> !id.isBlank()).isEmpty()) {
      throw new IllegalArgumentException("record " + name + ": a " + policy.getClass().getSimpleName().toLowerCase()
          + " record needs a setIdentifier");
    }
    if (site.isPresent() == aliasOf.isPresent()) {
      throw new IllegalArgumentException("record " + name + ": answers with a site or aliases another name, exactly one");
    }
    if (aliasOf.isPresent() && healthChecked) {
      throw new IllegalArgumentException("record " + name + ": an alias evaluates its target's health; it carries no health check");
    }
  }

  /** {@code name/setIdentifier}, how errors name the record. */
  public String key() {
    return name + setIdentifier.map(id -> "/" + id).orElse("");
  }

  /** {@code name-setIdentifier}, unique among the records of a zone: how engines name the record's resource. */
  public String resourceName() {
    return name + setIdentifier.map(id -> "-" + id).orElse("");
  }
}
