package dev.meridian.constructs.aws;

import dev.meridian.constructs.aws.internal.OpsReplication;
import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.RegionalBucketName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The source of the deployment's artifacts (in the hub, or the primary) and their replication
 * to every other region: the source {@link ArtifactBucket} of this region, a replication role,
 * and one S3 replication rule per destination region, each into that region's
 * {@link ArtifactBucket} (named by the same {@link RegionalBucketName}). Everything written to
 * the source reaches every destination; deletions are not replicated, so a bad upload cannot
 * erase a region's copy. Artifacts may flow anywhere (DESIGN's residency model), so the
 * construct takes any regions.
 *
 * <p>Props — required: {@code bucketName}. Optional: {@code destinationRegions} none (a
 * single-region deployment still gets its versioned bucket); {@code replicationTimeControl}
 * false (true: S3 RTC, 15-minute replication with metrics, at extra cost).
 */
public final class ArtifactSync extends Construct {

  private final ArtifactBucket source;
  private final Role replicationRole;
  private final List<String> destinationBucketArns = new ArrayList<>();

  private ArtifactSync(Construct scope, String id, Builder props) {
    super(scope, id);
    props.validate();
    String here = Stack.of(this).getRegion();
    if (!Token.isUnresolved(here) && props.destinationRegions.contains(here)) {
      throw new IllegalArgumentException("destinationRegions: " + props.destinationRegions
          + " includes the source's own region " + here + "; list only the other regions");
    }
    this.source = ArtifactBucket.Builder.create(this, "Source").bucketName(props.bucketName).build();
    List<OpsReplication.Destination> destinations = new ArrayList<>();
    for (String region : props.destinationRegions) {
      String destination = props.bucketName.arnIn(Stack.of(this).getAccount(), region);
      destinationBucketArns.add(destination);
      destinations.add(new OpsReplication.Destination("to-" + region, destination, List.of(destination + "/*")));
    }
    this.replicationRole = destinations.isEmpty() ? null
        : OpsReplication.replicate(this, "ReplicationRole", "S3 replication of the artifact bucket to every region's copy",
            source.getBucket(), "", destinations, props.replicationTimeControl);
  }

  /** Lets a principal (e.g. a CI role) upload artifacts to the source. */
  public Grant grantWrite(IGrantable grantee) {
    return source.getBucket().grantWrite(grantee);
  }

  /** Lets a principal in the source's region read the artifacts. */
  public Grant grantRead(IGrantable grantee) {
    return source.grantRead(grantee);
  }

  /** The source bucket. */
  public ArtifactBucket getSource() {
    return source;
  }

  /** The role S3 replicates with; empty without destinations. */
  public Optional<Role> getReplicationRole() {
    return Optional.ofNullable(replicationRole);
  }

  /** The ARNs of the destination buckets, in the order of {@code destinationRegions}. */
  public List<String> getDestinationBucketArns() {
    return List.copyOf(destinationBucketArns);
  }

  /** Builds an {@link ArtifactSync}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private RegionalBucketName bucketName;
    private List<String> destinationRegions = List.of();
    private boolean replicationTimeControl;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts an artifact sync {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The naming rule of every region's artifact bucket, e.g. {@code new RegionalBucketName("chat-artifacts")}. Required. */
    public Builder bucketName(RegionalBucketName bucketName) {
      this.bucketName = bucketName;
      return this;
    }

    /** The regions to replicate to, each holding an {@link ArtifactBucket} of the same rule. @default none */
    public Builder destinationRegions(List<String> regions) {
      this.destinationRegions = List.copyOf(regions);
      return this;
    }

    /** Whether replication runs with S3 Replication Time Control (15 minutes, metrics). @default false */
    public Builder replicationTimeControl(boolean enabled) {
      this.replicationTimeControl = enabled;
      return this;
    }

    /** The sync. */
    public ArtifactSync build() {
      return new ArtifactSync(scope, id, this);
    }

    private void validate() {
      if (bucketName == null) {
        throw new IllegalArgumentException("bucketName: missing; pass e.g. new RegionalBucketName(\"chat-artifacts\")");
      }
      destinationRegions.forEach(region -> RegionCode.require("destinationRegions", region));
      if (destinationRegions.stream().distinct().count() != destinationRegions.size()) {
        throw new IllegalArgumentException("destinationRegions: " + destinationRegions + " names a region twice; list each once");
      }
    }
  }
}
