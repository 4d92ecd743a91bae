package dev.meridian.blueprints.spec;

/**
 * A Qdrant cluster per AWS site. Defaults: engine {@code qdrant}, version {@code 1.12.4}, 3 nodes
 * (1–100), replication factor 2 (at most the nodes), 6 shards (1–1000), {@code r6i.large} (a node
 * type the catalog prices), 100 GiB per node (1–16384), content {@code user}.
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
