package dev.meridian.constructs.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contract of the eval container, the same for both engines' {@code EvalHarness}: its name,
 * the environment the task definition gives it ({@value #SUITE_VERSION}, {@value #RESULTS_BUCKET}),
 * the overrides each site's schedule adds ({@value #SITE}, {@value #TARGET_URL},
 * {@value #RESULTS_PREFIX} = {@code eval-results/<site>/<suite version>/}), and the checks of the
 * props both harnesses share.
 */
public final class EvalRun {

  /** Environment variable: the endpoint under evaluation. */
  public static final String TARGET_URL = "TARGET_URL";
  /** Environment variable: the site's name. */
  public static final String SITE = "SITE";
  /** Environment variable: the suite version. */
  public static final String SUITE_VERSION = "SUITE_VERSION";
  /** Environment variable: the results bucket's name. */
  public static final String RESULTS_BUCKET = "RESULTS_BUCKET";
  /** Environment variable: the key prefix for this run's results. */
  public static final String RESULTS_PREFIX = "RESULTS_PREFIX";
  /** Key prefix of all results in the bucket; the task may put objects only below it. */
  public static final String RESULTS_ROOT = "eval-results/";
  /** The container's name in the task definition, which the overrides refer to. */
  public static final String CONTAINER = "eval";
  /** The log stream prefix of the container's logs. */
  public static final String LOG_STREAM_PREFIX = "eval";

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalRun() {}

  /** Where one site's results go: {@code eval-results/<site>/<suite version>/}. */
  public static String resultsPrefix(String site, String suiteVersion) {
    return RESULTS_ROOT + site + "/" + suiteVersion + "/";
  }

  /** The task definition's environment, sorted by name: the suite version and the results bucket. */
  public static Map<String, String> environment(String suiteVersion, String resultsBucketName) {
    return new TreeMap<>(Map.of(SUITE_VERSION, suiteVersion, RESULTS_BUCKET, resultsBucketName));
  }

  /** The Scheduler input that runs the container against one target: its ECS container overrides, as JSON. */
  public static String containerOverrides(EvalTarget target, String suiteVersion) {
    ObjectNode overrides = JSON.createObjectNode();
    ObjectNode override = overrides.putArray("containerOverrides").addObject();
    override.put("name", CONTAINER);
    ArrayNode environment = override.putArray("environment");
    environment.addObject().put("name", SITE).put("value", target.site());
    environment.addObject().put("name", TARGET_URL).put("value", target.endpointUrl());
    environment.addObject().put("name", RESULTS_PREFIX).put("value", resultsPrefix(target.site(), suiteVersion));
    return overrides.toString();
  }

  /** Checks the image, suite version and targets; an error names the prop. */
  public static void requireSuite(String image, String suiteVersion, List<EvalTarget> targets) {
    require(image != null && !image.isBlank() && image.chars().noneMatch(Character::isWhitespace),
        "image: '" + image + "' must be one word, e.g. ghcr.io/acme/evals:1.4.0");
    require(suiteVersion != null && suiteVersion.matches("[A-Za-z0-9._-]+"),
        "suiteVersion: '" + suiteVersion + "' must be letters, digits, '.', '_' or '-', e.g. 1.4.0");
    require(!targets.isEmpty(), "targets: empty; pass at least one EvalTarget(site, endpointUrl)");
    List<String> sites = targets.stream().map(EvalTarget::site).toList();
    require(sites.stream().distinct().count() == sites.size(),
        "targets: a site appears twice in " + sites + "; list each once");
  }

  /** Checks the Fargate size: CPU units of a Fargate size and at least 512 MiB. */
  public static void requireSize(int cpu, int memoryMiB) {
    require(List.of(256, 512, 1024, 2048, 4096, 8192, 16384).contains(cpu),
        "cpu: " + cpu + " is not a Fargate CPU size; use 256, 512, 1024, 2048, 4096, 8192 or 16384");
    require(memoryMiB >= 512, "memoryMiB: " + memoryMiB + " must be ≥ 512");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
