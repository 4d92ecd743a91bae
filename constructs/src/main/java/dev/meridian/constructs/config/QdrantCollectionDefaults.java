package dev.meridian.constructs.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How new collections in a Qdrant cluster are laid out unless a client says otherwise: the
 * number of shards, how many copies of each shard the cluster keeps, and how many copies must
 * acknowledge a write. Published for clients (as JSON) and written into every node's config.
 *
 * @param shards                 shards per collection, ≥ 1; a multiple of the node count
 *                               spreads them evenly
 * @param replicationFactor      copies of each shard, 1 ≤ factor ≤ nodes; ≥ 2 survives a node
 * @param writeConsistencyFactor copies that must acknowledge a write, 1 ≤ factor ≤ replicationFactor
 */
public record QdrantCollectionDefaults(int shards, int replicationFactor, int writeConsistencyFactor) {

  public QdrantCollectionDefaults {
    if (shards < 1) {
      throw new IllegalArgumentException("shards: " + shards + " must be ≥ 1");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replicationFactor: " + replicationFactor + " must be ≥ 1");
    }
    if (writeConsistencyFactor < 1 || writeConsistencyFactor > replicationFactor) {
      throw new IllegalArgumentException("writeConsistencyFactor: " + writeConsistencyFactor
          + " must be between 1 and replicationFactor (" + replicationFactor + ")");
    }
  }

  /** The defaults for a cluster of {@code nodes}: as many shards as nodes, two copies when there are ≥ 2 nodes, writes acknowledged by one. */
  public static QdrantCollectionDefaults forNodes(int nodes) {
    return new QdrantCollectionDefaults(nodes, Math.min(nodes, 2), 1);
  }

  /** These defaults, if a cluster of {@code nodes} can hold them; otherwise an error naming the field. */
  public QdrantCollectionDefaults requireFits(int nodes) {
    if (replicationFactor > nodes) {
      throw new IllegalArgumentException("replicationFactor: " + replicationFactor
          + " exceeds the node count (" + nodes + "); use at most " + nodes);
    }
    return this;
  }

  /** The JSON clients read: {@code {"shard_number":6,"replication_factor":2,"write_consistency_factor":1}}. */
  public String json() {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("shard_number", shards);
    node.put("replication_factor", replicationFactor);
    node.put("write_consistency_factor", writeConsistencyFactor);
    return node.toString();
  }
}
