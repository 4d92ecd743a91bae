package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QdrantConfigTest {

  private static final String YAML = new QdrantConfig(new QdrantCollectionDefaults(6, 2, 1)).yaml();

  @Test
  void configEnablesDistributedModeWithTlsOnEveryPort() {
    assertThat(YAML).isEqualTo("""
        storage:
          storage_path: /qdrant/storage
          snapshots_path: /qdrant/snapshots
          collection:
            replication_factor: 2
            write_consistency_factor: 1
        service:
          host: 0.0.0.0
          http_port: 6333
          grpc_port: 6334
          enable_tls: true
        cluster:
          enabled: true
          p2p:
            port: 6335
            enable_tls: true
        tls:
          cert: /qdrant/tls/cert.pem
          key: /qdrant/tls/key.pem
          ca_cert: /qdrant/tls/ca.pem
        telemetry_disabled: true
        """);
  }

  @Test
  void configHoldsNoApiKey() {
    assertThat(YAML).doesNotContain("api_key");
  }

  @Test
  void defaultsForNodesKeepTwoCopiesWhenTheyCan() {
    assertThat(QdrantCollectionDefaults.forNodes(3)).isEqualTo(new QdrantCollectionDefaults(3, 2, 1));
    assertThat(QdrantCollectionDefaults.forNodes(1)).isEqualTo(new QdrantCollectionDefaults(1, 1, 1));
  }

  @Test
  void writeConsistencyAboveReplicationIsRefused() {
    assertThatThrownBy(() -> new QdrantCollectionDefaults(6, 2, 3))
        .hasMessage("writeConsistencyFactor: 3 must be between 1 and replicationFactor (2)");
  }

  @Test
  void defaultsArePublishedAsQdrantsJsonFields() {
    assertThat(new QdrantCollectionDefaults(6, 2, 1).json())
        .isEqualTo("{\"shard_number\":6,\"replication_factor\":2,\"write_consistency_factor\":1}");
  }
}
