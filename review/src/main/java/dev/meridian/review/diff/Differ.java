package dev.meridian.review.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.review.ReviewInputException;
import dev.meridian.review.inventory.DnsRecord;
import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.OutputReader;
import dev.meridian.review.inventory.Resource;
import dev.meridian.review.inventory.ResourceKind;
import dev.meridian.review.inventory.Stack;
import dev.meridian.review.inventory.StackPlacement;
import dev.meridian.review.inventory.Transfer;
import dev.meridian.review.verify.Finding;
import dev.meridian.review.verify.Rule;
import dev.meridian.review.verify.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code meridian diff}: compares two synth outputs resource by resource and property by property,
 * leaving out noise (CDK's {@code AWS::CDK::Metadata}, resource {@code Metadata}, cdktf's {@code //}
 * blocks, asset hashes), and works out what a reviewer must see first: stateful resources lost,
 * the failover topology before → after, residency changes, GPU capacity and cost, widened access.
 */
public final class Differ {

  private static final String CDK_METADATA = "AWS::CDK::Metadata";

  private Differ() {}

  /** Reads both synth output directories and compares them. */
  public static DiffReport diff(Path base, Path head) throws ReviewInputException {
    List<String> problems = new ArrayList<>();
    Inventory before = null;
    Inventory after = null;
    try {
      before = OutputReader.read(base);
    } catch (ReviewInputException e) {
      problems.addAll(e.problems());
    }
    try {
      after = OutputReader.read(head);
    } catch (ReviewInputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new ReviewInputException(problems);
    }
    return diff(before, after);
  }

  /** Compares two inventories. */
  public static DiffReport diff(Inventory base, Inventory head) {
    List<ResourceChange> changes = resourceChanges(base, head);
    return new DiffReport(changes, fold(changes), dnsRows(base, head), residency(base, head), gpu(base, head),
        access(base, head));
  }

  private static List<ResourceChange> resourceChanges(Inventory base, Inventory head) {
    Map<String, Resource> before = byPath(base);
    Map<String, Resource> after = byPath(head);
    Set<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    List<ResourceChange> out = new ArrayList<>();
    for (String path : paths) {
      Resource b = before.get(path);
      Resource a = after.get(path);
      Resource any = a != null ? a : b;
      ChangeKind kind;
      List<PropertyChange> properties = List.of();
      if (b == null) {
        kind = ChangeKind.ADDED;
      } else if (a == null) {
        kind = ChangeKind.REMOVED;
      } else if (!b.type().equals(a.type())) {
        kind = ChangeKind.REPLACED;
        properties = List.of(new PropertyChange("Type", b.type(), a.type(), true));
      } else {
        properties = properties(a.type(), Flattener.flatten(b.body()), Flattener.flatten(a.body()));
        if (properties.isEmpty()) {
          continue;
        }
        kind = properties.stream().anyMatch(PropertyChange::replaces) ? ChangeKind.REPLACED : ChangeKind.UPDATED;
      }
      Stack stack = any.stack();
      boolean stateful = (b != null && b.kind().stateful()) || (a != null && a.kind().stateful());
      boolean retained = b != null && (kind == ChangeKind.REMOVED ? b.retention().onDelete() : b.retention().onReplace());
      out.add(new ResourceChange(stack.engine(), stack.name(), stack.deployment(), stack.site(), any.address(),
          any.type(), kind, stateful, retained, properties));
    }
    return out;
  }

  private static Map<String, Resource> byPath(Inventory inventory) {
    Map<String, Resource> out = new TreeMap<>();
    inventory.resources().stream().filter(r -> !r.type().equals(CDK_METADATA)).forEach(r -> out.put(r.path(), r));
    return out;
  }

  private static List<PropertyChange> properties(String type, SortedMap<String, String> before,
      SortedMap<String, String> after) {
    Set<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    List<PropertyChange> out = new ArrayList<>();
    for (String path : paths) {
      String b = before.getOrDefault(path, PropertyChange.ABSENT);
      String a = after.getOrDefault(path, PropertyChange.ABSENT);
      if (!b.equals(a)) {
        out.add(new PropertyChange(path, b, a, Replacements.forces(type, path)));
      }
    }
    return out;
  }

  private static List<FoldedChange> fold(List<ResourceChange> changes) {
    Map<String, List<ResourceChange>> groups = new LinkedHashMap<>();
    changes.forEach(c -> groups.computeIfAbsent(c.foldKey(), k -> new ArrayList<>()).add(c));
    return groups.values().stream()
        .map(g -> new FoldedChange(g.get(0), g.stream().map(ResourceChange::site).toList(),
            g.stream().map(ResourceChange::stack).toList()))
        .toList();
  }

  private static List<DnsRow> dnsRows(Inventory base, Inventory head) {
    Map<String, DnsRecord> before = records(base);
    Map<String, DnsRecord> after = records(head);
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<DnsRow> rows = new ArrayList<>();
    for (String key : keys) {
      Optional<DnsRecord> b = Optional.ofNullable(before.get(key));
      Optional<DnsRecord> a = Optional.ofNullable(after.get(key));
      String policy = cell(b.map(DnsRecord::policy), a.map(DnsRecord::policy));
      String target = cell(b.map(DnsRecord::target), a.map(DnsRecord::target));
      String health = cell(b.map(r -> healthCheck(base, r)), a.map(r -> healthCheck(head, r)));
      if (b.isEmpty() || a.isEmpty() || policy.contains(" → ") || target.contains(" → ") || health.contains(" → ")) {
        rows.add(new DnsRow(key, policy, target, health));
      }
    }
    return rows;
  }

  /** The record's health check as a reviewer reads it: {@code HTTPS uk.api.example.com:443/health}. */
  private static String healthCheck(Inventory inventory, DnsRecord record) {
    if (record.healthCheck().isEmpty()) {
      return "none";
    }
    Optional<Resource> check = inventory.referenced(record.resource(), record.healthCheck().get())
        .filter(r -> r.kind() == ResourceKind.HEALTH_CHECK);
    if (check.isEmpty()) {
      return record.healthCheck().get();
    }
    boolean cfn = check.get().stack().engine() == Engine.CLOUDFORMATION;
    JsonNode config = cfn ? check.get().property("HealthCheckConfig") : check.get().properties();
    String host = config.path(cfn ? "FullyQualifiedDomainName" : "fqdn").asText(config.path(cfn ? "IPAddress" : "ip_address").asText());
    String port = config.path(cfn ? "Port" : "port").asText();
    String path = config.path(cfn ? "ResourcePath" : "resource_path").asText();
    boolean inverted = config.path(cfn ? "Inverted" : "invert_healthcheck").asBoolean(false);
    return config.path(cfn ? "Type" : "type").asText() + " " + host + (port.isEmpty() ? "" : ":" + port) + path
        + (inverted ? " (inverted)" : "");
  }

  private static Map<String, DnsRecord> records(Inventory inventory) {
    Map<String, DnsRecord> out = new TreeMap<>();
    for (Resource r : inventory.resources(ResourceKind.RECORD_SET)) {
      DnsRecord record = DnsRecord.of(r);
      out.put(r.stack().engine().folder() + ": " + record.label(), record);
    }
    return out;
  }

  private static String cell(Optional<String> before, Optional<String> after) {
    String b = before.orElse(PropertyChange.ABSENT);
    String a = after.orElse(PropertyChange.ABSENT);
    return b.equals(a) ? a : b + " → " + a;
  }

  private static List<String> residency(Inventory base, Inventory head) {
    List<String> out = new ArrayList<>();
    Map<String, StackPlacement> before = placements(base);
    Map<String, StackPlacement> after = placements(head);
    Set<String> deployments = new TreeSet<>(before.keySet());
    deployments.addAll(after.keySet());
    for (String deployment : deployments) {
      Optional<StackPlacement> b = Optional.ofNullable(before.get(deployment));
      Optional<StackPlacement> a = Optional.ofNullable(after.get(deployment));
      SortedSet<String> jb = new TreeSet<>(b.map(p -> p.sites().values()).orElse(List.of()));
      SortedSet<String> ja = new TreeSet<>(a.map(p -> p.sites().values()).orElse(List.of()));
      ja.stream().filter(j -> !jb.contains(j)).forEach(j -> out.add(deployment + ": jurisdiction " + j + " gained"));
      jb.stream().filter(j -> !ja.contains(j)).forEach(j -> out.add(deployment + ": jurisdiction " + j + " lost"));
      List<Transfer> tb = b.map(p -> p.residency().allowedTransfers()).orElse(List.of());
      List<Transfer> ta = a.map(p -> p.residency().allowedTransfers()).orElse(List.of());
      ta.stream().filter(t -> !tb.contains(t)).forEach(t -> out.add(deployment + ": transfer " + t + " allowed"));
      tb.stream().filter(t -> !ta.contains(t)).forEach(t -> out.add(deployment + ": transfer " + t + " no longer allowed"));
      if (b.isPresent() && a.isPresent() && b.get().residency().strict() != a.get().residency().strict()) {
        out.add(deployment + ": residency mode " + (a.get().residency().strict() ? "none → strict" : "strict → none"));
      }
    }
    List<Rule> rules = Verifier.RULES.stream().filter(Rule::residency).toList();
    Set<String> crossingsBefore = new TreeSet<>(Verifier.verify(base, rules).findings().stream().map(Finding::line).toList());
    Verifier.verify(head, rules).findings().stream().map(Finding::line).filter(l -> !crossingsBefore.contains(l))
        .forEach(l -> out.add("new border crossing: " + l));
    return out;
  }

  private static Map<String, StackPlacement> placements(Inventory inventory) {
    Map<String, StackPlacement> out = new TreeMap<>();
    inventory.stacks().forEach(s -> s.placement().ifPresent(p -> out.putIfAbsent(p.deployment(), p)));
    return out;
  }

  /** Capacity changes per stack; identical changes at several sites of a deployment share a line. */
  private static List<String> gpu(Inventory base, Inventory head) {
    Map<String, GpuCapacity> before = GpuCapacity.of(base);
    Map<String, GpuCapacity> after = GpuCapacity.of(head);
    Map<String, Stack> stacks = new TreeMap<>();
    base.stacks().forEach(s -> stacks.put(s.path(), s));
    head.stacks().forEach(s -> stacks.put(s.path(), s));
    Map<String, List<Stack>> groups = new LinkedHashMap<>();
    Map<String, double[]> totals = new TreeMap<>();
    for (Stack stack : stacks.values()) {
      GpuCapacity b = before.getOrDefault(stack.path(), GpuCapacity.NONE);
      GpuCapacity a = after.getOrDefault(stack.path(), GpuCapacity.NONE);
      if (b.equals(a)) {
        continue;
      }
      boolean priced = b.unpriced().isEmpty() && a.unpriced().isEmpty();
      String change = b.describe() + " → " + a.describe() + (priced ? " (" + GpuCapacity.signedUsd(a.usdMin() - b.usdMin())
          + ".." + GpuCapacity.signedUsd(a.usdMax() - b.usdMax()) + "/h" : " (cost change unknown");
      groups.computeIfAbsent(stack.engine().folder() + "\u0000" + stack.deployment() + "\u0000" + change,
          k -> new ArrayList<>()).add(stack);
      double[] total = totals.computeIfAbsent(stack.engine().folder(), k -> new double[3]);
      if (priced) {
        total[0] += a.usdMin() - b.usdMin();
        total[1] += a.usdMax() - b.usdMax();
      } else {
        total[2]++;
      }
    }
    List<String> out = new ArrayList<>();
    groups.forEach((key, group) -> {
      String change = key.substring(key.lastIndexOf('\u0000') + 1);
      out.add(group.size() == 1 ? group.get(0).path() + ": " + change + ")"
          : group.get(0).engine().folder() + " · " + group.get(0).deployment() + " · same change × " + group.size()
              + " sites (" + sites(group) + "): " + change + " each)");
    });
    totals.forEach((engine, t) -> out.add("total (" + engine + "): " + GpuCapacity.signedUsd(t[0]) + ".."
        + GpuCapacity.signedUsd(t[1]) + "/h on-demand"
        + (t[2] > 0 ? ", without " + (int) t[2] + (t[2] == 1 ? " stack" : " stacks") + " lacking a price" : "")));
    return out;
  }

  private static String sites(List<Stack> group) {
    List<String> names = group.stream().map(Stack::site).toList();
    return names.size() <= 12 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 12)) + " and " + (names.size() - 12) + " more";
  }

  private static List<String> access(Inventory base, Inventory head) {
    SortedSet<String> before = Grants.of(base);
    return Grants.of(head).stream().filter(g -> !before.contains(g)).toList();
  }
}
