package dev.meridian.constructs.dns;

import java.util.List;

/**
 * Where a site answers: a load balancer (records are aliases to it; its health check requests
 * its DNS name), or the fixed IPv4 addresses of a server the deployment does not provision
 * (records are A records with a TTL; each address has its own health check). Values may be
 * engine tokens (e.g. a load balancer's DNS name read at deploy time).
 */
public sealed interface DnsTarget {

  /** A load balancer: its DNS name and its canonical hosted zone id (for alias records). */
  static DnsTarget loadBalancer(String dnsName, String canonicalHostedZoneId) {
    return new LoadBalancer(dnsName, canonicalHostedZoneId);
  }

  /** A server at fixed addresses, e.g. a dedicated GPU host in a colocation. */
  static DnsTarget addresses(List<String> addresses) {
    return new Addresses(addresses);
  }

  /**
   * A load balancer.
   *
   * @param dnsName               its DNS name
   * @param canonicalHostedZoneId the hosted zone Route 53 aliases it through
   */
  record LoadBalancer(String dnsName, String canonicalHostedZoneId) implements DnsTarget {
    public LoadBalancer {
      if (dnsName == null || dnsName.isBlank()) {
        throw new IllegalArgumentException("loadBalancer.dnsName: missing; pass the load balancer's DNS name");
      }
      if (canonicalHostedZoneId == null || canonicalHostedZoneId.isBlank()) {
        throw new IllegalArgumentException("loadBalancer.canonicalHostedZoneId: missing; pass the load balancer's canonical hosted zone id");
      }
    }
  }

  /**
   * Fixed addresses.
   *
   * @param addresses IPv4 addresses, ≥ 1, no duplicates
   */
  record Addresses(List<String> addresses) implements DnsTarget {
    public Addresses {
      if (addresses == null || addresses.isEmpty()) {
        throw new IllegalArgumentException("addresses: empty; pass at least one IPv4 address");
      }
      for (String address : addresses) {
        if (!Ipv4.isLiteral(address)) {
          throw new IllegalArgumentException("addresses: '" + address + "' is not an IPv4 address such as 203.0.113.10");
        }
      }
      if (addresses.stream().distinct().count() != addresses.size()) {
        throw new IllegalArgumentException("addresses: " + addresses + " lists an address twice");
      }
      addresses = List.copyOf(addresses);
    }
  }
}
