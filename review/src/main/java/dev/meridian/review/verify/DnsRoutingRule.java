package dev.meridian.review.verify;

import dev.meridian.review.inventory.DnsRecord;
import dev.meridian.review.inventory.Geography;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Residency;
import dev.meridian.review.inventory.Resource;
import dev.meridian.review.inventory.ResourceKind;
import dev.meridian.review.inventory.StackPlacement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Users' traffic stays in their jurisdiction unless allowed. A record is mapped to the site whose
 * name its {@code SetIdentifier} equals or starts with ({@code uk}, {@code uk-primary}), and through
 * alias targets naming other records of the output to every site those reach (chained failover:
 * a link record whose identifier names no site is judged by the sites its alias reaches).
 * Judged per record name: failover — every site reachable from the group lies in the jurisdiction
 * of the PRIMARY's site; geolocation — the countries a record covers (a country, every country of a
 * continent, or for the default record every country no other record of the name covers) are sent
 * only to sites of their own jurisdiction; latency — the sites of a latency set share one
 * jurisdiction. Only countries of the deployment's own jurisdictions are judged; every crossing
 * must be listed in {@code allowedTransfers}. A routed record that maps to no site is a finding.
 */
public final class DnsRoutingRule implements Rule {

  @Override
  public String id() {
    return "dns-routing";
  }

  @Override
  public String description() {
    return "DNS failover, geolocation and latency records send users only to sites of their jurisdiction unless allowed";
  }

  @Override
  public boolean residency() {
    return true;
  }

  @Override
  public List<Finding> check(Inventory inventory) {
    List<Finding> findings = new ArrayList<>();
    Map<String, List<DnsRecord>> byDeployment = new TreeMap<>();
    for (Resource r : inventory.resources(ResourceKind.RECORD_SET)) {
      DnsRecord record = DnsRecord.of(r);
      if (r.stack().placement().isEmpty()) {
        if (record.routed()) {
          findings.add(new Finding(r.path(), id(), "cannot prove residency of " + record.policy() + " record "
              + record.label() + ": its stack records no deployment"));
        }
        continue;
      }
      byDeployment.computeIfAbsent(r.stack().engine().folder() + "/" + r.stack().deployment(), k -> new ArrayList<>())
          .add(record);
    }
    byDeployment.values().forEach(records -> new Deployment(records, findings).check());
    return findings;
  }

  /** The records of one deployment in one engine's output, judged together. */
  private final class Deployment {

    private final List<DnsRecord> records;
    private final List<Finding> findings;
    private final StackPlacement placement;
    private final Residency residency;
    private final Map<String, List<DnsRecord>> byName = new LinkedHashMap<>();

    Deployment(List<DnsRecord> records, List<Finding> findings) {
      this.records = records;
      this.findings = findings;
      this.placement = records.get(0).resource().stack().placement().orElseThrow();
      this.residency = placement.residency();
      records.forEach(r -> byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r));
    }

    void check() {
      for (DnsRecord r : records) {
        if (r.routed() && reach(r).isEmpty()) {
          findings.add(new Finding(r.resource().path(), id(), "cannot prove residency of " + r.policy() + " record "
              + r.label() + ": its SetIdentifier names no site of " + placement.deployment() + " "
              + placement.sites().keySet() + " and its alias names no record of the output"));
        }
      }
      for (List<DnsRecord> group : groups()) {
        failover(group);
        geolocation(group);
        latency(group);
      }
    }

    private List<List<DnsRecord>> groups() {
      Map<String, List<DnsRecord>> groups = new LinkedHashMap<>();
      records.forEach(r -> groups.computeIfAbsent(r.name() + " " + r.type(), k -> new ArrayList<>()).add(r));
      return new ArrayList<>(groups.values());
    }

    private void failover(List<DnsRecord> group) {
      Optional<DnsRecord> primary = group.stream().filter(r -> r.failover().equals(Optional.of("PRIMARY"))).findFirst();
      Optional<String> homeSite = primary.flatMap(this::site);
      if (homeSite.isEmpty()) {
        return;
      }
      String home = jurisdiction(homeSite.get());
      for (DnsRecord r : group) {
        if (r.failover().isEmpty()) {
          continue;
        }
        for (String site : reach(r)) {
          String there = jurisdiction(site);
          if (!residency.allows(home, there)) {
            findings.add(new Finding(r.resource().path(), id(), r.policy() + " of " + r.label() + " sends users of "
                + homeSite.get() + " (" + home + ") to " + site + " (" + there + ")" + viaChain(r, site)
                + ", which allowedTransfers of " + placement.deployment() + " do not list"));
          }
        }
      }
    }

    private void geolocation(List<DnsRecord> group) {
      Set<String> deploymentJurisdictions = new TreeSet<>(placement.sites().values());
      Set<String> covered = new HashSet<>();
      group.stream().filter(r -> r.country().filter(c -> !c.equals("*")).isPresent() || r.continent().isPresent())
          .forEach(r -> covered.addAll(countries(r)));
      for (DnsRecord r : group) {
        if (r.country().isEmpty() && r.continent().isEmpty()) {
          continue;
        }
        Set<String> countries = r.country().equals(Optional.of("*")) ? new TreeSet<>(Geography.builtIn().countries())
            : countries(r);
        if (r.country().equals(Optional.of("*"))) {
          countries.removeAll(covered);
        }
        Map<String, SortedSet<String>> byJurisdiction = new TreeMap<>();
        for (String country : countries) {
          Geography.builtIn().jurisdictionOfCountry(country).filter(deploymentJurisdictions::contains)
              .ifPresent(j -> byJurisdiction.computeIfAbsent(j, k -> new TreeSet<>()).add(country));
        }
        byJurisdiction.forEach((users, list) -> {
          for (String site : reach(r)) {
            String there = jurisdiction(site);
            if (!residency.allows(users, there)) {
              findings.add(new Finding(r.resource().path(), id(), r.policy() + " of " + r.label() + " sends users in "
                  + abbreviate(list) + " (" + users + ") to " + site + " (" + there + ")" + viaChain(r, site)
                  + ", which allowedTransfers of " + placement.deployment() + " do not list"));
            }
          }
        });
      }
    }

    private void latency(List<DnsRecord> group) {
      List<DnsRecord> latency = group.stream().filter(r -> r.latencyRegion().isPresent()).toList();
      Map<String, String> siteByJurisdiction = new TreeMap<>();
      latency.forEach(r -> reach(r).forEach(site -> siteByJurisdiction.putIfAbsent(jurisdiction(site), site)));
      List<String> missing = new ArrayList<>();
      for (String from : siteByJurisdiction.keySet()) {
        for (String to : siteByJurisdiction.keySet()) {
          if (!residency.allows(from, to)) {
            missing.add(from + " → " + to);
          }
        }
      }
      if (!missing.isEmpty()) {
        DnsRecord first = latency.get(0);
        findings.add(new Finding(first.resource().path(), id(), "latency records of " + first.name() + " " + first.type()
            + " span sites " + siteByJurisdiction + ", so users may be sent " + String.join(", ", missing)
            + ", which allowedTransfers of " + placement.deployment() + " do not list"));
      }
    }

    private Set<String> countries(DnsRecord r) {
      Set<String> out = new TreeSet<>();
      r.country().filter(c -> !c.equals("*")).ifPresent(out::add);
      r.continent().ifPresent(c -> out.addAll(Geography.builtIn().countriesOf(c)));
      return out;
    }

    private Optional<String> site(DnsRecord r) {
      return r.setIdentifier().flatMap(id -> placement.sites().keySet().stream()
          .filter(site -> id.equals(site) || id.startsWith(site + "-"))
          .max((a, b) -> Integer.compare(a.length(), b.length())));
    }

    private String jurisdiction(String site) {
      return placement.sites().get(site);
    }

    /** The sites users reach through this record: its own, and those of records its alias names. */
    private SortedSet<String> reach(DnsRecord r) {
      SortedSet<String> sites = new TreeSet<>();
      reach(r, new HashSet<>(), sites);
      return sites;
    }

    private void reach(DnsRecord r, Set<String> visited, Set<String> sites) {
      if (!visited.add(r.resource().path())) {
        return;
      }
      site(r).ifPresent(sites::add);
      r.aliasTarget().map(byName::get).ifPresent(targets -> targets.forEach(t -> reach(t, visited, sites)));
    }

    private String viaChain(DnsRecord r, String site) {
      return site(r).equals(Optional.of(site)) ? "" : " through its alias " + r.aliasTarget().orElse("");
    }
  }

  private static String abbreviate(Set<String> countries) {
    List<String> list = new ArrayList<>(countries);
    return list.size() <= 5 ? String.join(", ", list)
        : String.join(", ", list.subList(0, 5)) + " and " + (list.size() - 5) + " more";
  }
}
