package dev.meridian.constructs.config;

import java.util.List;

/**
 * The props both engines' {@code QdrantCluster}s share, checked by
 * {@link QdrantClusterPropsBuilder#props()}: what the cluster runs, how large it is, the class of
 * its data, and how its snapshots and logs are kept; not where it runs or who its clients are
 * (VPC or network, clients or their security group ids, in Terraform the region, are each
 * engine's own).
 *
 * @param collectionDefaults the given defaults, or {@link QdrantCollectionDefaults#forNodes(int)}
 * @param snapshotBucketName null when the engine generates the bucket's name
 */
public record QdrantClusterProps(
    String clusterName,
    int nodes,
    String instanceType,
    int volumeGiB,
    String version,
    QdrantCollectionDefaults collectionDefaults,
    DataClass dataClass,
    String snapshotSchedule,
    int snapshotRetentionDays,
    RegionalBucketName snapshotBucketName,
    List<String> snapshotReplicaRegions,
    int logRetentionDays) {

  /** Throws unless {@code region}, the cluster's own, is not among {@code snapshotReplicaRegions}. */
  public void requireReplicasElsewhere(String region) {
    if (snapshotReplicaRegions.contains(region)) {
      throw new IllegalArgumentException("snapshotReplicaRegions: " + snapshotReplicaRegions
          + " includes the cluster's own region " + region + "; list only the other regions");
    }
  }
}
