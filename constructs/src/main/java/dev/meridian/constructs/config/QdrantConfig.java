package dev.meridian.constructs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/**
 * The configuration file of one node of a distributed Qdrant cluster, as paths inside the
 * Qdrant container: distributed mode on, HTTP on {@value #HTTP_PORT}, gRPC on
 * {@value #GRPC_PORT}, peer-to-peer on {@value #P2P_PORT} with TLS between peers and towards
 * clients (certificates under {@value #TLS_DIR}), storage and snapshots on the node's data
 * volume, and the collection defaults. The API keys are not in the file: the node's boot
 * script passes them as {@code QDRANT__SERVICE__API_KEY} and
 * {@code QDRANT__SERVICE__READ_ONLY_API_KEY} environment variables read from Secrets Manager,
 * so the file can be written into user data and templates.
 *
 * @param collectionDefaults replication and write consistency of new collections
 */
public record QdrantConfig(QdrantCollectionDefaults collectionDefaults) {

  /** REST API port. */
  public static final int HTTP_PORT = 6333;
  /** gRPC API port. */
  public static final int GRPC_PORT = 6334;
  /** Peer-to-peer port: only other nodes of the cluster may reach it (it can write). */
  public static final int P2P_PORT = 6335;
  /** Storage directory inside the container. */
  public static final String STORAGE_DIR = "/qdrant/storage";
  /** Snapshot directory inside the container. */
  public static final String SNAPSHOTS_DIR = "/qdrant/snapshots";
  /** TLS material inside the container: {@code cert.pem}, {@code key.pem}, {@code ca.pem}. */
  public static final String TLS_DIR = "/qdrant/tls";
  /** Where the image reads a local override of its configuration. */
  public static final String CONFIG_FILE = "/qdrant/config/local.yaml";
  /** Environment variable carrying the read-write API key. */
  public static final String API_KEY_VARIABLE = "QDRANT__SERVICE__API_KEY";
  /** Environment variable carrying the read-only API key. */
  public static final String READ_ONLY_API_KEY_VARIABLE = "QDRANT__SERVICE__READ_ONLY_API_KEY";

  public QdrantConfig {
    if (collectionDefaults == null) {
      throw new IllegalArgumentException("collectionDefaults: missing; use QdrantCollectionDefaults.forNodes(n)");
    }
  }

  /** The configuration as YAML, keys in a fixed order. */
  public String yaml() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    ObjectNode storage = root.putObject("storage");
    storage.put("storage_path", STORAGE_DIR);
    storage.put("snapshots_path", SNAPSHOTS_DIR);
    ObjectNode collection = storage.putObject("collection");
    collection.put("replication_factor", collectionDefaults.replicationFactor());
    collection.put("write_consistency_factor", collectionDefaults.writeConsistencyFactor());
    ObjectNode service = root.putObject("service");
    service.put("host", "0.0.0.0");
    service.put("http_port", HTTP_PORT);
    service.put("grpc_port", GRPC_PORT);
    service.put("enable_tls", true);
    ObjectNode cluster = root.putObject("cluster");
    cluster.put("enabled", true);
    ObjectNode p2p = cluster.putObject("p2p");
    p2p.put("port", P2P_PORT);
    p2p.put("enable_tls", true);
    ObjectNode tls = root.putObject("tls");
    tls.put("cert", TLS_DIR + "/cert.pem");
    tls.put("key", TLS_DIR + "/key.pem");
    tls.put("ca_cert", TLS_DIR + "/ca.pem");
    root.put("telemetry_disabled", true);
    try {
      return new YAMLMapper(YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build()).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
