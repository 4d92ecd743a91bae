package dev.meridian.constructs.config;

/**
 * One endpoint an eval harness (either engine's {@code EvalHarness}) evaluates: the site's name
 * (its folder in the results bucket) and the URL of its OpenAI-compatible API.
 *
 * @param site        the site's name, e.g. {@code uk} (lower-case letters, digits, '-')
 * @param endpointUrl the site's API base, e.g. {@code https://uk.api.example.com/v1}
 */
public record EvalTarget(String site, String endpointUrl) {

  /** Checks the site's name and that the endpoint is an http(s) URL. */
  public EvalTarget {
    DnsNames.requireTargetName("site", site);
    if (endpointUrl == null || !endpointUrl.matches("https?://\\S+")) {
      throw new IllegalArgumentException("endpointUrl: '" + endpointUrl
          + "' must be an http(s) URL, e.g. https://uk.api.example.com/v1");
    }
  }
}
