package dev.meridian.blueprints.spec;

import dev.meridian.blueprints.catalog.Catalog;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a parsed spec into a {@link Deployment}: reads every field (types, ranges, unknown
 * fields), applies SPEC.md's defaults, merges each region's {@code gpu} override over the
 * top-level block, and checks every rule of a valid spec except residency flows (those need
 * the topology: {@code ResidencyCheck}). Problems are collected, never thrown one by one.
 */
final class SpecBinder {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,30}");
  private static final Pattern REGION_NAME = Pattern.compile("[a-z][a-z0-9-]{0,20}");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern HOSTED_ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,32}");
  private static final Pattern DOMAIN = Pattern.compile(
      "(?=.{1,254}$)([a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern VERSION = Pattern.compile("\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}");
  private static final Pattern IMAGE = Pattern.compile("[^\\s]{1,255}");
  private static final Pattern SERVER = Pattern.compile("[a-z][a-z0-9-]{0,30}");
  private static final Pattern PATH = Pattern.compile("/[^\\s]{0,254}");
  private static final Pattern ARTIFACT_VERSION = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** CloudWatch Logs' allowed retention periods, in days. */
  static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
      545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
  static final List<String> FALLBACK_PROVIDERS = List.of("bedrock", "openai", "anthropic", "azure", "vertex");
  static final String UNVERSIONED = "unversioned";
  static final String DEFAULT_EVAL_SCHEDULE = "rate(1 day)";
  static final int DEFAULT_DRILL_MINUTES = 15;
  static final int MAX_INSTANCES = 1000;

  private static final Set<String> TOP_FIELDS = Set.of("apiVersion", "name", "pattern", "account", "dns",
      "regions", "gpu", "vectorStore", "logging", "residency", "artifacts", "eval", "drills", "fallback");
  private static final Set<String> DNS_FIELDS = Set.of("zone", "record", "ttl", "defaultRegion", "healthCheck",
      "hostedZoneId");
  private static final Set<String> HEALTH_FIELDS = Set.of("path", "protocol", "port", "intervalSeconds",
      "failureThreshold");
  private static final Set<String> REGION_FIELDS = Set.of("name", "awsRegion", "dedicated", "role", "serves", "gpu");
  private static final Set<String> DEDICATED_FIELDS = Set.of("jurisdiction", "endpoints", "gpu");
  private static final Set<String> GPU_FIELDS = Set.of("instanceType", "min", "max", "server", "image", "port",
      "model");
  private static final Set<String> MODEL_FIELDS = Set.of("name", "artifact");
  private static final Set<String> VECTOR_FIELDS = Set.of("engine", "version", "nodes", "replicationFactor",
      "shards", "instanceType", "volumeGiB", "content");
  private static final Set<String> LOGGING_FIELDS = Set.of("retentionDays");
  private static final Set<String> RESIDENCY_FIELDS = Set.of("mode", "allowedTransfers");
  private static final Set<String> TRANSFER_FIELDS = Set.of("from", "to");
  private static final Set<String> ARTIFACT_FIELDS = Set.of("modelVersion", "promptVersion", "configVersion");
  private static final Set<String> EVAL_FIELDS = Set.of("schedule", "image");
  private static final Set<String> DRILL_FIELDS = Set.of("schedule", "durationMinutes");
  private static final Set<String> FALLBACK_FIELDS = Set.of("provider", "region", "model");

  private final Catalog catalog;
  private final Problems problems;
  private final SourceFile source;

  SpecBinder(Catalog catalog, SourceFile source, Problems problems) {
    this.catalog = catalog;
    this.source = source;
    this.problems = problems;
  }

  /** The deployment, or empty when the spec has errors (they are in the problems). */
  Optional<Deployment> bind(Json root) {
    if (!(root instanceof Json.Obj)) {
      problems.error(root.line(), "", "a spec is one JSON object, got " + SpecObject.describe(root));
      return Optional.empty();
    }
    SpecObject spec = SpecObject.of(root, "", TOP_FIELDS, problems).orElseThrow();

    Optional<String> apiVersion = spec.requiredString("apiVersion", "\"" + Deployment.API_VERSION + "\"")
        .filter(v -> {
          if (v.equals(Deployment.API_VERSION)) {
            return true;
          }
          problems.error(spec.line("apiVersion"), "apiVersion", Text.quote(v) + " is not supported (use \""
              + Deployment.API_VERSION + "\")");
          return false;
        });
    Optional<String> name = spec.has("name")
        ? spec.matching("name", NAME, "is not a valid name (lowercase letters, digits and hyphens, 2 to 31"
            + " characters, starting with a letter)")
        : missing(spec, "name", "the deployment name, e.g. \"chat\"");
    Optional<PatternKind> pattern = spec.has("pattern")
        ? spec.oneOf("pattern", Arrays.stream(PatternKind.values()).map(PatternKind::specName).toList())
            .flatMap(PatternKind::fromSpecName)
        : missing(spec, "pattern", "one of " + Text.list(Arrays.stream(PatternKind.values())
            .map(PatternKind::specName).toList()));
    Optional<String> account = spec.matching("account", ACCOUNT, "is not an AWS account id (12 digits)");

    Optional<SpecObject> dnsObject = spec.has("dns") ? spec.object("dns", DNS_FIELDS)
        : missing(spec, "dns", "an object with zone and record");
    Optional<Dns> dns = dnsObject.flatMap(this::dns);

    Optional<SpecObject> gpuObject = spec.has("gpu") ? spec.object("gpu", GPU_FIELDS)
        : missing(spec, "gpu", "an object with at least model.name");
    Optional<GpuFields> topGpu = gpuObject.map(g -> gpuFields(g, true));
    Gpu gpu = topGpu.map(g -> g.over(GpuFields.NONE)).orElse(null);
    topGpu.ifPresent(this::checkMinMax);

    List<Region> regions = regions(spec, topGpu.orElse(GpuFields.NONE));

    Optional<VectorStore> vectorStore = spec.object("vectorStore", VECTOR_FIELDS).flatMap(this::vectorStore);
    Logging logging = spec.object("logging", LOGGING_FIELDS).map(this::logging)
        .orElse(new Logging(Logging.DEFAULT_RETENTION_DAYS));
    Residency residency = spec.object("residency", RESIDENCY_FIELDS).map(this::residency)
        .orElse(new Residency(Residency.Mode.STRICT, List.of()));
    Artifacts artifacts = spec.object("artifacts", ARTIFACT_FIELDS).map(this::artifacts)
        .orElse(new Artifacts(UNVERSIONED, UNVERSIONED, UNVERSIONED));
    Optional<Eval> eval = spec.object("eval", EVAL_FIELDS).flatMap(this::eval);
    Optional<Drills> drills = spec.object("drills", DRILL_FIELDS).flatMap(this::drills);
    Optional<Fallback> fallback = spec.object("fallback", FALLBACK_FIELDS).flatMap(this::fallback);

    pattern.ifPresent(p -> {
      checkPatternRules(spec, p, regions);
      dnsObject.ifPresent(d -> checkDefaultRegion(d, p, regions));
      if (p == PatternKind.SINGLE_REGION && !spec.has("fallback")) {
        problems.error(spec.line(), "fallback", "required field is missing (single-region needs a hosted API"
            + " fallback: provider, region, model)");
      }
    });

    if (problems.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new Deployment(source, apiVersion.orElseThrow(), name.orElseThrow(), pattern.orElseThrow(),
        account, dns.orElseThrow(), regions, gpu, vectorStore, logging, residency, artifacts, eval, drills,
        fallback));
  }

  private <T> Optional<T> missing(SpecObject o, String key, String what) {
    o.missing(key, what);
    return Optional.empty();
  }

  // ---- dns

  private Optional<Dns> dns(SpecObject d) {
    Optional<String> zone = d.has("zone") ? domain(d, "zone") : missing(d, "zone", "the hosted zone, e.g. \"example.com\"");
    Optional<String> record = d.has("record") ? domain(d, "record")
        : missing(d, "record", "the name users call, e.g. \"api.example.com\"");
    if (zone.isPresent() && record.isPresent()) {
      String z = stripDot(zone.get());
      String r = stripDot(record.get());
      if (!r.equalsIgnoreCase(z) && !r.toLowerCase(Locale.ROOT).endsWith("." + z.toLowerCase(Locale.ROOT))) {
        problems.error(d.line("record"), d.path("record"), Text.quote(record.get()) + " is not inside the zone "
            + Text.quote(zone.get()) + " (use a name ending in \"." + z + "\")");
      }
    }
    int ttl = d.integer("ttl", 1, 86_400).orElse(Dns.DEFAULT_TTL);
    Optional<String> defaultRegion = d.string("defaultRegion");
    HealthCheck health = d.object("healthCheck", HEALTH_FIELDS).map(this::healthCheck).orElse(HealthCheck.defaults());
    Optional<String> hostedZoneId = d.matching("hostedZoneId", HOSTED_ZONE_ID, "is not a Route 53 hosted zone id"
        + " (\"Z\" then up to 32 capital letters or digits, e.g. \"Z0123456789ABCDEFGHIJ\")");
    if (zone.isEmpty() || record.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Dns(stripDot(zone.get()), stripDot(record.get()), ttl, defaultRegion, health,
        hostedZoneId));
  }

  private Optional<String> domain(SpecObject o, String key) {
    return o.matching(key, DOMAIN, "is not a DNS name (labels of letters, digits and hyphens, separated by dots)");
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private HealthCheck healthCheck(SpecObject h) {
    HealthCheck d = HealthCheck.defaults();
    String path = h.matching("path", PATH, "is not a request path (it starts with \"/\" and has no spaces)")
        .orElse(d.path());
    HealthCheck.Protocol protocol = h.oneOf("protocol", List.of("HTTPS", "HTTP"))
        .map(HealthCheck.Protocol::valueOf).orElse(d.protocol());
    int port = h.integer("port", 1, 65_535).orElse(d.port());
    int interval = h.integer("intervalSeconds", 10, 30).filter(i -> {
      if (i == 10 || i == 30) {
        return true;
      }
      problems.error(h.line("intervalSeconds"), h.path("intervalSeconds"), i + " is not a Route 53 interval (10 or 30)");
      return false;
    }).orElse(d.intervalSeconds());
    int threshold = h.integer("failureThreshold", 1, 10).orElse(d.failureThreshold());
    return new HealthCheck(path, protocol, port, interval, threshold);
  }

  private void checkDefaultRegion(SpecObject d, PatternKind pattern, List<Region> regions) {
    d.string("defaultRegion").ifPresent(name -> {
      if (pattern != PatternKind.REGIONAL_SHARDING) {
        problems.error(d.line("defaultRegion"), d.path("defaultRegion"), "only regional-sharding has a default"
            + " region (remove it; " + pattern + " routes every user already)");
      } else if (regions.stream().noneMatch(r -> r.name().equals(name))) {
        List<String> names = regions.stream().map(Region::name).toList();
        problems.error(d.line("defaultRegion"), d.path("defaultRegion"), Text.quote(name) + " is not a region of"
            + " this spec (" + Text.closest(name, names).map(c -> "did you mean " + Text.quote(c) + "?")
            .orElse("regions: " + Text.list(names)) + ")");
      }
    });
  }

  // ---- regions

  private List<Region> regions(SpecObject spec, GpuFields topGpu) {
    if (!spec.has("regions")) {
      spec.missing("regions", "at least one region");
      return List.of();
    }
    List<Json> items = spec.array("regions").orElse(List.of());
    if (spec.raw("regions").orElseThrow() instanceof Json.Arr && items.isEmpty()) {
      problems.error(spec.line("regions"), "regions", "needs at least one region");
    }
    List<Region> regions = new ArrayList<>();
    Map<String, String> namesSeen = new LinkedHashMap<>();
    Map<String, String> servedBy = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String path = "regions[" + i + "]";
      Optional<SpecObject> o = SpecObject.of(items.get(i), path, REGION_FIELDS, problems);
      if (o.isEmpty()) {
        continue;
      }
      region(o.get(), topGpu, namesSeen, servedBy).ifPresent(regions::add);
    }
    return regions;
  }

  private Optional<Region> region(SpecObject r, GpuFields topGpu,
      Map<String, String> namesSeen, Map<String, String> servedBy) {
    Optional<String> name = r.has("name")
        ? r.matching("name", REGION_NAME, "is not a valid region name (lowercase letters, digits and hyphens,"
            + " 1 to 21 characters, starting with a letter)")
        : missing(r, "name", "a short unique name, e.g. \"london\"");
    name.ifPresent(n -> {
      String first = namesSeen.putIfAbsent(n, r.path());
      if (first != null) {
        problems.error(r.line("name"), r.path("name"), Text.quote(n) + " is already the name of " + first
            + " (region names are unique)");
      }
    });
    String label = name.map(Text::quote).orElse(r.path());

    Optional<String> awsRegion = r.string("awsRegion").filter(code -> {
      if (catalog.region(code).isPresent()) {
        return true;
      }
      problems.error(r.line("awsRegion"), r.path("awsRegion"), Text.quote(code) + " is not an AWS commercial region"
          + Text.closest(code, catalog.regions().keySet()).map(c -> " (did you mean " + Text.quote(c) + "?)")
          .orElse(""));
      return false;
    });
    Optional<Dedicated> dedicated = r.object("dedicated", DEDICATED_FIELDS).flatMap(this::dedicated);
    if (r.has("awsRegion") && r.has("dedicated")) {
      problems.error(r.line(), r.path(), "has both awsRegion and dedicated (a site is one or the other)");
    } else if (!r.has("awsRegion") && !r.has("dedicated")) {
      problems.error(r.line(), r.path(), "needs awsRegion (an AWS region Meridian provisions) or dedicated"
          + " (a server of your own)");
    }

    List<String> roleNames = Arrays.stream(Role.values()).map(Role::specName).toList();
    Optional<Role> role = r.has("role")
        ? r.oneOf("role", roleNames).flatMap(Role::fromSpecName)
        : missing(r, "role", "one of " + Text.list(roleNames));

    List<String> serves = r.strings("serves").orElse(List.of());
    for (int j = 0; j < serves.size(); j++) {
      String code = serves.get(j);
      String codePath = r.path("serves") + "[" + j + "]";
      if (!catalog.isCountry(code) && !catalog.isContinent(code)) {
        String hint = code.equalsIgnoreCase("UK") ? " (the United Kingdom's code is \"GB\")"
            : code.length() == 2 && (catalog.isCountry(code.toUpperCase(Locale.ROOT))
                || catalog.isContinent(code.toUpperCase(Locale.ROOT)))
                ? " (codes are upper case: " + Text.quote(code.toUpperCase(Locale.ROOT)) + ")" : "";
        problems.error(r.line("serves"), codePath, Text.quote(code) + " is not an ISO-3166 alpha-2 country code"
            + " or a continent code (AF, AN, AS, EU, NA, OC, SA)" + hint);
        continue;
      }
      String first = servedBy.putIfAbsent(code, label);
      if (first != null) {
        problems.error(r.line("serves"), codePath, Text.quote(code) + " is already served by " + first
            + " (each code routes to one region)");
      }
    }

    Optional<GpuFields> override = r.object("gpu", GPU_FIELDS).map(g -> gpuFields(g, false));
    if (r.has("dedicated") && r.has("gpu")) {
      problems.error(r.line("gpu"), r.path("gpu"), "a dedicated site is not provisioned, so it has no gpu fleet"
          + " (describe its GPUs in dedicated.gpu)");
    }
    GpuFields own = override.orElse(GpuFields.NONE);
    Gpu effective = own.over(topGpu);
    override.ifPresent(o -> checkMinMax(o.over(topGpu), o));

    if (role.isPresent() && awsRegion.isPresent()) {
      checkCapacity(r, role.get(), label, own, topGpu, effective);
      checkOffered(r, awsRegion.get(), label, own, effective);
    }
    if (name.isEmpty() || role.isEmpty() || (awsRegion.isEmpty() && dedicated.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new Region(name.get(), awsRegion, dedicated, role.get(), serves, effective));
  }

  private Optional<Dedicated> dedicated(SpecObject d) {
    Optional<String> jurisdiction = d.has("jurisdiction") ? d.string("jurisdiction").filter(j -> {
      if (catalog.jurisdictions().containsKey(j)) {
        return true;
      }
      problems.error(d.line("jurisdiction"), d.path("jurisdiction"), jurisdictionHint(j));
      return false;
    }) : missing(d, "jurisdiction", "where the server is, e.g. \"UK\"");
    List<String> endpoints = new ArrayList<>();
    if (!d.has("endpoints")) {
      d.missing("endpoints", "the server's public IPv4 addresses");
    } else {
      List<String> given = d.strings("endpoints").orElse(List.of());
      if (given.isEmpty() && d.raw("endpoints").orElseThrow() instanceof Json.Arr) {
        problems.error(d.line("endpoints"), d.path("endpoints"), "needs at least one public IPv4 address");
      }
      for (int i = 0; i < given.size(); i++) {
        String ip = given.get(i);
        String path = d.path("endpoints") + "[" + i + "]";
        ipv4Problem(ip).ifPresentOrElse(
            p -> problems.error(d.line("endpoints"), path, Text.quote(ip) + " " + p),
            () -> {
              if (endpoints.contains(ip)) {
                problems.error(d.line("endpoints"), path, Text.quote(ip) + " is listed twice");
              } else {
                endpoints.add(ip);
              }
            });
      }
    }
    String gpu = d.string("gpu").orElse("");
    return jurisdiction.map(j -> new Dedicated(j, endpoints, gpu));
  }

  /** Why the text is not a public IPv4 address Route 53 can health-check, or empty when it is one. */
  static Optional<String> ipv4Problem(String text) {
    var m = IPV4.matcher(text);
    if (!m.matches()) {
      return Optional.of("is not an IPv4 address (e.g. \"203.0.113.10\")");
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String octet = m.group(i + 1);
      int value = Integer.parseInt(octet);
      if (value > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
        return Optional.of("is not an IPv4 address (each part is 0 to 255, without leading zeros)");
      }
      bytes[i] = (byte) value;
    }
    try {
      InetAddress address = Inet4Address.getByAddress(bytes);
      if (address.isSiteLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
          || address.isAnyLocalAddress() || address.isMulticastAddress() || (bytes[0] & 0xff) == 0
          || (bytes[0] & 0xff) >= 240) {
        return Optional.of("is not a public address (Route 53 health checks need one)");
      }
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
    }
    return Optional.empty();
  }

  private String jurisdictionHint(String j) {
    Set<String> known = catalog.jurisdictions().keySet();
    String hint = j.equals("GB") ? "the United Kingdom's jurisdiction is \"UK\""
        : Text.closest(j, known).map(c -> "did you mean " + Text.quote(c) + "?")
            .orElse("known: " + Text.list(new TreeSet<>(known)));
    return Text.quote(j) + " is not a known jurisdiction (" + hint + ")";
  }

  // ---- gpu

  /** The GPU fields a block sets; the unset ones come from the block below, then the defaults. */
  private record GpuFields(Optional<String> instanceType, Optional<Integer> min, Optional<Integer> max,
      Optional<String> server, Optional<String> image, Optional<Integer> port, Optional<String> modelName,
      Optional<String> modelArtifact, Optional<SpecObject> block) {

    static final GpuFields NONE = new GpuFields(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** This block's fields over {@code below}'s, then the defaults. */
    Gpu over(GpuFields below) {
      return new Gpu(
          instanceType.or(below::instanceType).orElse(Gpu.DEFAULT_INSTANCE_TYPE),
          min.or(below::min).orElse(Gpu.DEFAULT_MIN),
          max.or(below::max).orElse(Gpu.DEFAULT_MAX),
          server.or(below::server).orElse(Gpu.DEFAULT_SERVER),
          image.or(below::image).orElse(Gpu.DEFAULT_IMAGE),
          port.or(below::port).orElse(Gpu.DEFAULT_PORT),
          new Gpu.Model(modelName.or(below::modelName).orElse(""),
              modelArtifact.or(below::modelArtifact).orElse("")));
    }
  }

  private GpuFields gpuFields(SpecObject g, boolean topLevel) {
    Optional<String> type = g.string("instanceType").filter(t -> {
      if (catalog.gpuType(t).isPresent()) {
        return true;
      }
      problems.error(g.line("instanceType"), g.path("instanceType"), Text.quote(t) + " is not a known GPU instance"
          + " type (" + Text.closest(t, catalog.gpuTypes().keySet()).map(c -> "did you mean " + Text.quote(c) + "?")
          .orElse("known: " + Text.list(new TreeSet<>(catalog.gpuTypes().keySet()))) + ")");
      return false;
    });
    Optional<Integer> min = g.integer("min", 0, MAX_INSTANCES);
    Optional<Integer> max = g.integer("max", 1, MAX_INSTANCES);
    Optional<String> server = g.matching("server", SERVER, "is not a serving engine name (e.g. \"vllm\")");
    Optional<String> image = g.matching("image", IMAGE, "is not a container image reference");
    Optional<Integer> port = g.integer("port", 1, 65_535);
    Optional<String> modelName = Optional.empty();
    Optional<String> artifact = Optional.empty();
    Optional<SpecObject> model = g.object("model", MODEL_FIELDS);
    if (model.isPresent()) {
      SpecObject m = model.get();
      modelName = topLevel && !m.has("name") ? missing(m, "name", "the model served, e.g."
          + " \"meta-llama/Llama-3.1-8B-Instruct\"") : m.string("name").filter(n -> nonBlank(m, "name", n));
      artifact = m.string("artifact");
    } else if (topLevel && !g.has("model")) {
      g.missing("model", "an object with name, the model served");
    }
    return new GpuFields(type, min, max, server, image, port, modelName, artifact, Optional.of(g));
  }

  private boolean nonBlank(SpecObject o, String key, String value) {
    if (!value.isBlank()) {
      return true;
    }
    problems.error(o.line(key), o.path(key), "must not be empty");
    return false;
  }

  /** min ≤ max, reported where the block that sets one of them is. */
  private void checkMinMax(GpuFields block) {
    checkMinMax(block.over(GpuFields.NONE), block);
  }

  private void checkMinMax(Gpu effective, GpuFields block) {
    if ((block.min().isPresent() || block.max().isPresent()) && effective.min() > effective.max()) {
      SpecObject g = block.block().orElseThrow();
      String key = block.min().isPresent() ? "min" : "max";
      problems.error(g.line(key), g.path(key), "gpu.min (" + effective.min() + ") must be ≤ gpu.max ("
          + effective.max() + ")");
    }
  }

  private void checkCapacity(SpecObject r, Role role, String label, GpuFields own, GpuFields top, Gpu effective) {
    if (effective.min() == 0 && role != Role.STANDBY) {
      GpuFields setter = own.min().isPresent() ? own : top;
      String path = setter.block().map(b -> b.path("min")).orElse(r.path());
      int line = setter.block().map(b -> b.line("min")).orElse(r.line());
      problems.error(line, path, "min 0 (pilot light) is only for a standby; " + role + " " + label
          + " needs at least 1 instance");
    }
  }

  private void checkOffered(SpecObject r, String awsRegion, String label, GpuFields own, Gpu effective) {
    catalog.gpuType(effective.instanceType()).ifPresent(type -> {
      if (!type.offeredIn(awsRegion)) {
        String path = own.instanceType().isPresent() ? r.path("gpu") + ".instanceType" : r.path("awsRegion");
        problems.warning(r.line("awsRegion"), path, effective.instanceType() + " is not offered in " + awsRegion
            + " (" + label + ") as far as the catalog knows; regions that offer it: "
            + Text.list(new TreeSet<>(type.offeredIn())));
      }
    });
  }

  // ---- pattern rules

  private void checkPatternRules(SpecObject spec, PatternKind pattern, List<Region> regions) {
    Set<Role> allowed = switch (pattern) {
      case ACTIVE_ACTIVE, REGIONAL_SHARDING -> Set.of(Role.ACTIVE);
      case ACTIVE_PASSIVE -> Set.of(Role.PRIMARY, Role.STANDBY);
      case HUB_AND_SPOKE -> Set.of(Role.HUB, Role.SPOKE);
      case SINGLE_REGION -> Set.of(Role.PRIMARY);
    };
    List<Json> items = spec.raw("regions").filter(Json.Arr.class::isInstance).map(a -> ((Json.Arr) a).items())
        .orElse(List.of());
    Map<Role, List<String>> byRole = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Json.Obj o)) {
        continue;
      }
      SpecObject r = SpecObject.quiet(o, "regions[" + i + "]", problems);
      String label = r.raw("name").filter(Json.Str.class::isInstance).map(n -> ((Json.Str) n).value())
          .orElse(r.path());
      Optional<Role> role = r.raw("role").filter(Json.Str.class::isInstance)
          .flatMap(n -> Role.fromSpecName(((Json.Str) n).value()));
      role.ifPresent(x -> byRole.computeIfAbsent(x, k -> new ArrayList<>()).add(label));
      if (role.isPresent() && !allowed.contains(role.get())) {
        problems.error(r.line("role"), r.path("role"), Text.quote(role.get().specName()) + " does not fit "
            + pattern + " (roles there: " + Text.list(allowed.stream().map(Role::specName).sorted().toList()) + ")");
      }
      boolean hasServes = r.has("serves");
      if (pattern == PatternKind.REGIONAL_SHARDING) {
        boolean empty = r.raw("serves").filter(v -> v instanceof Json.Arr a && a.items().isEmpty()).isPresent();
        if (!hasServes || empty) {
          problems.error(hasServes ? r.line("serves") : r.line(), r.path("serves"), "regional-sharding needs the"
              + " country or continent codes this region serves (e.g. [\"GB\"])");
        }
      } else if (hasServes) {
        problems.error(r.line("serves"), r.path("serves"), "only regional-sharding routes by country (remove it"
            + " for " + pattern + ")");
      }
    }
    int line = spec.line("regions");
    int count = items.size();
    Map<String, String> siteByAwsRegion = new LinkedHashMap<>();
    for (Region region : regions) {
      region.awsRegion().ifPresent(aws -> {
        String first = siteByAwsRegion.putIfAbsent(aws, region.name());
        if (first != null) {
          problems.error(line, "regions", Text.quote(region.name()) + " and " + Text.quote(first) + " are both in "
              + aws + " (one site per AWS region: a site's stack, bucket names and DNS names are per region)");
        }
      });
    }
    switch (pattern) {
      case ACTIVE_ACTIVE -> {
        if (count == 1) {
          problems.error(line, "regions", "active-active needs at least 2 regions, got 1 (use single-region for"
              + " one)");
        }
      }
      case ACTIVE_PASSIVE -> {
        exactlyOne(line, byRole, Role.PRIMARY, pattern);
        atLeastOne(line, byRole, Role.STANDBY, pattern);
        int standbys = byRole.getOrDefault(Role.STANDBY, List.of()).size();
        boolean zoneId = spec.raw("dns").filter(d -> d instanceof Json.Obj o && o.fields().containsKey("hostedZoneId"))
            .isPresent();
        if (standbys > 1 && !zoneId) {
          problems.error(spec.line("dns"), "dns.hostedZoneId", "missing: " + standbys + " standbys chain their failover"
              + " records through aliases, which name the hosted zone by id (add the zone's id, e.g. \"Z0123456789ABCDEFGHIJ\")");
        }
      }
      case HUB_AND_SPOKE -> {
        exactlyOne(line, byRole, Role.HUB, pattern);
        atLeastOne(line, byRole, Role.SPOKE, pattern);
      }
      case SINGLE_REGION -> {
        if (count > 1) {
          problems.error(line, "regions", "single-region needs exactly 1 region, got " + count);
        }
      }
      case REGIONAL_SHARDING -> {
        // every region's serves is checked above
      }
    }
  }

  private void exactlyOne(int line, Map<Role, List<String>> byRole, Role role, PatternKind pattern) {
    List<String> names = byRole.getOrDefault(role, List.of());
    if (names.size() != 1) {
      problems.error(line, "regions", pattern + " needs exactly one " + role + ", got "
          + (names.isEmpty() ? "none" : names.size() + " (" + Text.list(names) + ")"));
    }
  }

  private void atLeastOne(int line, Map<Role, List<String>> byRole, Role role, PatternKind pattern) {
    if (!byRole.containsKey(role)) {
      problems.error(line, "regions", pattern + " needs at least one " + role + ", got none");
    }
  }

  // ---- optional blocks

  private Optional<VectorStore> vectorStore(SpecObject v) {
    String engine = v.oneOf("engine", List.of("qdrant")).orElse("qdrant");
    String version = v.matching("version", VERSION, "is not a Qdrant version (e.g. \"1.12.4\")").orElse("1.12.4");
    Optional<Integer> nodes = v.integer("nodes", 1, 100);
    Optional<Integer> rf = v.integer("replicationFactor", 1, 100);
    int shards = v.integer("shards", 1, 1000).orElse(6);
    String instanceType = v.string("instanceType").filter(t -> {
      if (catalog.instanceTypes().containsKey(t)) {
        return true;
      }
      problems.error(v.line("instanceType"), v.path("instanceType"), Text.quote(t) + " is not a vector store node"
          + " type the catalog prices (" + Text.closest(t, catalog.instanceTypes().keySet())
          .map(c -> "did you mean " + Text.quote(c) + "?")
          .orElse("known: " + Text.list(new TreeSet<>(catalog.instanceTypes().keySet()))) + ")");
      return false;
    }).orElse("r6i.large");
    int volume = v.integer("volumeGiB", 1, 16_384).orElse(100);
    DataClass content = v.oneOf("content", List.of("user", "artifact")).flatMap(DataClass::fromSpecName)
        .orElse(DataClass.USER);
    int n = nodes.orElse(3);
    int r = rf.orElse(2);
    if (r > n && (nodes.isPresent() || rf.isPresent())) {
      String key = rf.isPresent() ? "replicationFactor" : "nodes";
      problems.error(v.line(key), v.path(key), "replicationFactor (" + r + ") must be ≤ nodes (" + n + ")");
    }
    return Optional.of(new VectorStore(engine, version, n, r, shards, instanceType, volume, content));
  }

  private Logging logging(SpecObject l) {
    return new Logging(l.integer("retentionDays", 1, 3653).filter(days -> {
      if (RETENTION_DAYS.contains(days)) {
        return true;
      }
      int nearest = RETENTION_DAYS.stream().min((a, b) -> Integer.compare(Math.abs(a - days), Math.abs(b - days)))
          .orElseThrow();
      problems.error(l.line("retentionDays"), l.path("retentionDays"), days + " is not a CloudWatch Logs retention"
          + " period (nearest: " + nearest + "; allowed: " + RETENTION_DAYS.stream().map(String::valueOf)
          .collect(Collectors.joining(", ")) + ")");
      return false;
    }).orElse(Logging.DEFAULT_RETENTION_DAYS));
  }

  private Residency residency(SpecObject r) {
    Residency.Mode mode = r.oneOf("mode", List.of("strict", "none"))
        .map(m -> Residency.Mode.valueOf(m.toUpperCase(Locale.ROOT))).orElse(Residency.Mode.STRICT);
    List<Residency.Transfer> transfers = new ArrayList<>();
    List<Json> items = r.array("allowedTransfers").orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      Optional<SpecObject> t = SpecObject.of(items.get(i), r.path("allowedTransfers") + "[" + i + "]",
          TRANSFER_FIELDS, problems);
      if (t.isEmpty()) {
        continue;
      }
      Optional<String> from = jurisdiction(t.get(), "from");
      Optional<String> to = jurisdiction(t.get(), "to");
      if (from.isPresent() && to.isPresent()) {
        if (from.get().equals(to.get())) {
          problems.error(t.get().line("to"), t.get().path("to"), "a transfer from " + from.get() + " to itself is"
              + " always allowed (remove it)");
        } else {
          transfers.add(new Residency.Transfer(from.get(), to.get()));
        }
      }
    }
    return new Residency(mode, transfers);
  }

  private Optional<String> jurisdiction(SpecObject t, String key) {
    if (!t.has(key)) {
      return missing(t, key, "a jurisdiction, e.g. \"UK\"");
    }
    return t.string(key).filter(j -> {
      if (catalog.jurisdictions().containsKey(j)) {
        return true;
      }
      problems.error(t.line(key), t.path(key), jurisdictionHint(j));
      return false;
    });
  }

  private Artifacts artifacts(SpecObject a) {
    String rule = "is not a version label (letters, digits, . _ : -; at most 64)";
    return new Artifacts(
        a.matching("modelVersion", ARTIFACT_VERSION, rule).orElse(UNVERSIONED),
        a.matching("promptVersion", ARTIFACT_VERSION, rule).orElse(UNVERSIONED),
        a.matching("configVersion", ARTIFACT_VERSION, rule).orElse(UNVERSIONED));
  }

  private Optional<String> schedule(SpecObject o) {
    return o.string("schedule").filter(s -> {
      Optional<String> problem = ScheduleExpression.problem(s);
      problem.ifPresent(p -> problems.error(o.line("schedule"), o.path("schedule"), Text.quote(s) + ": " + p));
      return problem.isEmpty();
    });
  }

  private Optional<Eval> eval(SpecObject e) {
    String schedule = schedule(e).orElse(DEFAULT_EVAL_SCHEDULE);
    Optional<String> image = e.has("image")
        ? e.matching("image", IMAGE, "is not a container image reference")
        : missing(e, "image", "the eval container image");
    return image.map(i -> new Eval(schedule, i));
  }

  private Optional<Drills> drills(SpecObject d) {
    Optional<String> schedule = d.has("schedule") ? schedule(d)
        : missing(d, "schedule", "e.g. \"cron(0 10 ? * TUE *)\"");
    int minutes = d.integer("durationMinutes", 1, 720).orElse(DEFAULT_DRILL_MINUTES);
    return schedule.map(s -> new Drills(s, minutes));
  }

  private Optional<Fallback> fallback(SpecObject f) {
    Optional<String> provider = f.has("provider") ? f.oneOf("provider", FALLBACK_PROVIDERS)
        : missing(f, "provider", "one of " + Text.list(FALLBACK_PROVIDERS));
    Optional<String> region = f.has("region") ? f.string("region").filter(r -> nonBlank(f, "region", r))
        : missing(f, "region", "the provider region, e.g. \"eu-west-2\"");
    if (provider.filter("bedrock"::equals).isPresent() && region.isPresent()
        && catalog.region(region.get()).isEmpty()) {
      problems.error(f.line("region"), f.path("region"), Text.quote(region.get()) + " is not an AWS commercial"
          + " region" + Text.closest(region.get(), catalog.regions().keySet())
          .map(c -> " (did you mean " + Text.quote(c) + "?)").orElse(""));
      region = Optional.empty();
    }
    Optional<String> model = f.has("model") ? f.string("model").filter(m -> nonBlank(f, "model", m))
        : missing(f, "model", "the provider's model id");
    if (provider.isEmpty() || region.isEmpty() || model.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Fallback(provider.get(), region.get(), model.get()));
  }
}
