package dev.meridian.blueprints.plan;

/** The kinds of data flow a Topology lists; each engine renders each kind as real resources. */
public enum FlowKind {
  /** Users' traffic moved to another site by DNS failover (user data). */
  FAILOVER_TRAFFIC("failover of users' traffic"),
  /** Users of a country served by a site (regional sharding; user data). */
  GEO_SERVING("serving users"),
  /** Inference logs shipped to the jurisdiction's log archive (user data). */
  LOG_AGGREGATION("log aggregation"),
  /** Vector store snapshots copied to another site (class of the indexed content). */
  VECTOR_SNAPSHOT_COPY("vector snapshot copy"),
  /** Model weights, prompts and configs replicated from the source bucket (artifact data). */
  ARTIFACT_REPLICATION("artifact replication"),
  /** Eval results written to the hub or primary's bucket (derived data). */
  EVAL_RESULTS("eval results"),
  /** Prompts sent to the hosted-API fallback provider (user data). */
  HOSTED_API_FALLBACK("hosted-API fallback");

  private final String description;

  FlowKind(String description) {
    this.description = description;
  }

  /** How plans and messages name the flow. */
  public String description() {
    return description;
  }
}
