package dev.meridian.blueprints;

import dev.meridian.blueprints.spec.Artifacts;
import dev.meridian.blueprints.spec.DataClass;
import dev.meridian.blueprints.spec.Dedicated;
import dev.meridian.blueprints.spec.Deployment;
import dev.meridian.blueprints.spec.Dns;
import dev.meridian.blueprints.spec.Eval;
import dev.meridian.blueprints.spec.Fallback;
import dev.meridian.blueprints.spec.Gpu;
import dev.meridian.blueprints.spec.HealthCheck;
import dev.meridian.blueprints.spec.Logging;
import dev.meridian.blueprints.spec.PatternKind;
import dev.meridian.blueprints.spec.Region;
import dev.meridian.blueprints.spec.Residency;
import dev.meridian.blueprints.spec.Role;
import dev.meridian.blueprints.spec.SourceFile;
import dev.meridian.blueprints.spec.VectorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test fixture: builds validated {@link Deployment} records directly, with the spec defaults
 * (deployment {@code chat} from {@code specs/chat.jsonnet}, record {@code api.example.com} in
 * {@code example.com}, TTL 60, default health check, {@code g6.xlarge} 1..4, strict residency, no
 * vector store, eval, drills or fallback).
 */
public final class Deployments {

  private final PatternKind pattern;
  private final List<Site> sites = new ArrayList<>();
  private final Map<String, int[]> capacity = new LinkedHashMap<>();
  private Gpu gpu = new Gpu("g6.xlarge", 1, 4, Gpu.DEFAULT_SERVER, Gpu.DEFAULT_IMAGE, Gpu.DEFAULT_PORT,
      new Gpu.Model("meta-llama/Llama-3.1-8B-Instruct", "models/llama-3.1-8b/"));
  private Optional<VectorStore> vectorStore = Optional.empty();
  private Residency.Mode residencyMode = Residency.Mode.STRICT;
  private final List<Residency.Transfer> allowed = new ArrayList<>();
  private Optional<String> defaultRegion = Optional.empty();
  private Optional<Eval> eval = Optional.empty();
  private Optional<Fallback> fallback = Optional.empty();
  private int ttl = Dns.DEFAULT_TTL;

  private record Site(String name, Optional<String> awsRegion, Optional<Dedicated> dedicated, Role role,
                      List<String> serves) {}

  private Deployments(PatternKind pattern) {
    this.pattern = pattern;
  }

  /** A deployment of that pattern, no regions yet. */
  public static Deployments of(PatternKind pattern) {
    return new Deployments(pattern);
  }

  /** Adds an AWS region. */
  public Deployments aws(String name, String awsRegion, Role role, String... serves) {
    sites.add(new Site(name, Optional.of(awsRegion), Optional.empty(), role, List.of(serves)));
    return this;
  }

  /** Adds a dedicated server in a jurisdiction, reached at one endpoint. */
  public Deployments dedicated(String name, String jurisdiction, Role role, String endpoint) {
    sites.add(new Site(name, Optional.empty(), Optional.of(new Dedicated(jurisdiction, List.of(endpoint), "4x RTX 4090")),
        role, List.of()));
    return this;
  }

  /** The top-level GPU fleet. */
  public Deployments gpu(String instanceType, int min, int max) {
    gpu = new Gpu(instanceType, min, max, gpu.server(), gpu.image(), gpu.port(), gpu.model());
    return this;
  }

  /** A per-region override of the fleet's minimum and maximum. */
  public Deployments capacity(String region, int min, int max) {
    capacity.put(region, new int[] {min, max});
    return this;
  }

  /** A Qdrant vector store of 3 {@code r6i.large} nodes holding that class of content. */
  public Deployments vectorStore(DataClass content) {
    vectorStore = Optional.of(new VectorStore("qdrant", "1.12.4", 3, 2, 6, "r6i.large", 100, content));
    return this;
  }

  /** Allows a user-data transfer from one jurisdiction to another. */
  public Deployments allow(String from, String to) {
    allowed.add(new Residency.Transfer(from, to));
    return this;
  }

  /** Residency mode {@code none}. */
  public Deployments noResidency() {
    residencyMode = Residency.Mode.NONE;
    return this;
  }

  /** {@code dns.defaultRegion}. */
  public Deployments defaultRegion(String region) {
    defaultRegion = Optional.of(region);
    return this;
  }

  /** {@code dns.ttl}. */
  public Deployments ttl(int seconds) {
    ttl = seconds;
    return this;
  }

  /** A daily eval run. */
  public Deployments eval() {
    eval = Optional.of(new Eval("rate(1 day)", "ghcr.io/acme/evals:1.4.0"));
    return this;
  }

  /** A hosted-API fallback. */
  public Deployments fallback(String provider, String region) {
    fallback = Optional.of(new Fallback(provider, region, "anthropic.claude-3-5-sonnet"));
    return this;
  }

  /** The deployment. */
  public Deployment build() {
    List<Region> regions = sites.stream().map(s -> {
      int[] override = capacity.getOrDefault(s.name(), new int[] {gpu.min(), gpu.max()});
      Gpu merged = new Gpu(gpu.instanceType(), override[0], override[1], gpu.server(), gpu.image(), gpu.port(),
          gpu.model());
      return new Region(s.name(), s.awsRegion(), s.dedicated(), s.role(), s.serves(), merged);
    }).toList();
    return new Deployment(
        new SourceFile(Path.of("specs/chat.jsonnet")),
        Deployment.API_VERSION,
        "chat",
        pattern,
        Optional.empty(),
        new Dns("example.com", "api.example.com", ttl, defaultRegion, HealthCheck.defaults()),
        regions,
        gpu,
        vectorStore,
        new Logging(Logging.DEFAULT_RETENTION_DAYS),
        new Residency(residencyMode, allowed),
        new Artifacts("2025-06-01", "v12", "c7"),
        eval,
        Optional.empty(),
        fallback);
  }
}
