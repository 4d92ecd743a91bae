package dev.meridian.blueprints.spec;

/**
 * A Qdrant cluster per AWS site. Defaults: version {@code 1.12.4}, 3 nodes, replication factor 2,
 * 6 shards, {@code r6i.large}, 100 GiB per node, content {@code user}.
 *
 * @param engine            {@code qdrant} (the only engine)
 * @param content           whether the indexed content is user data or artifact data
 */
public record VectorStore(
    String engine,
    String version,
    int nodes,
    int replicationFactor,
    int shards,
    String instanceType,
    int volumeGiB,
    DataClass content) {}
