package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.RegionalBucketName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The source of the deployment's artifacts (in the hub, or the primary) and their replication to
 * every other region, in Terraform: the twin of {@link dev.meridian.constructs.aws.ArtifactSync}.
 * The source bucket of this region (an {@link ArtifactBucket}'s settings), a replication role and
 * one S3 replication rule per destination region, each into that region's {@link ArtifactBucket}
 * (named by the same {@link RegionalBucketName}). Deletions are not replicated, so a bad upload
 * cannot erase a region's copy. Artifacts may flow anywhere, so any regions are accepted.
 *
 * <p>Props — required: {@code bucketName}, {@code region} (the stack's region). Optional:
 * {@code destinationRegions} none; {@code replicationTimeControl} false.
 */
public final class ArtifactSync extends Construct {

  private final S3Bucket source;
  private final Optional<IamRole> replicationRole;
  private final List<String> destinationBucketArns = new ArrayList<>();

  private ArtifactSync(Construct scope, String id, Builder props) {
    super(scope, id);
    props.validate();
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    PrivateBucket.Created created = PrivateBucket.create(this, "Bucket", props.bucketName.in(account, props.region),
        DataClass.ARTIFACT, null, null);
    this.source = created.bucket();
    List<Replication.Destination> destinations = new ArrayList<>();
    for (String region : props.destinationRegions) {
      String destination = props.bucketName.arnIn(account, region);
      destinationBucketArns.add(destination);
      destinations.add(new Replication.Destination("to-" + region, destination, List.of(destination + "/*")));
    }
    this.replicationRole = destinations.isEmpty() ? Optional.empty()
        : Optional.of(Replication.replicate(this, "Replication", "S3 replication of the artifact bucket to every region's copy",
            created, "", destinations, props.replicationTimeControl));
  }

  /** The source bucket. */
  public S3Bucket getSource() {
    return source;
  }

  /** The role S3 replicates with; empty without destinations. */
  public Optional<IamRole> getReplicationRole() {
    return replicationRole;
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
    private String region;
    private List<String> destinationRegions = List.of();
    private boolean replicationTimeControl;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts the source {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The naming rule of every region's artifact bucket, e.g. {@code new RegionalBucketName("chat-artifacts")}. Required. */
    public Builder bucketName(RegionalBucketName bucketName) {
      this.bucketName = bucketName;
      return this;
    }

    /** The region of the stack's provider. Required. */
    public Builder region(String region) {
      this.region = region;
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

    /** The source and its replication. */
    public ArtifactSync build() {
      return new ArtifactSync(scope, id, this);
    }

    private void validate() {
      if (bucketName == null) {
        throw new IllegalArgumentException("bucketName: missing; pass e.g. new RegionalBucketName(\"chat-artifacts\")");
      }
      RegionCode.require("region", region);
      destinationRegions.forEach(r -> RegionCode.require("destinationRegions", r));
      if (destinationRegions.stream().distinct().count() != destinationRegions.size()) {
        throw new IllegalArgumentException("destinationRegions: " + destinationRegions + " names a region twice; list each once");
      }
      if (destinationRegions.contains(region)) {
        throw new IllegalArgumentException("destinationRegions: " + destinationRegions
            + " includes the source's own region " + region + "; list only other regions");
      }
    }
  }
}
