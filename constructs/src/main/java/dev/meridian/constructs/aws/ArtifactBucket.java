package dev.meridian.constructs.aws;

import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionalBucketName;
import dev.meridian.constructs.config.TagKeys;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * A region's copy of the deployment's artifacts — model weights, prompts, configs: a
 * versioned bucket (S3 replication needs versioning on both ends) named
 * {@code <prefix>-<account>-<region>} by {@link RegionalBucketName}, so that the
 * {@link ArtifactSync} source can replicate into it by name. Encrypted with S3-managed keys,
 * TLS only, never public, retained on stack deletion, tagged {@code artifact}.
 *
 * <p>Props — required: {@code bucketName}.
 */
public final class ArtifactBucket extends Construct {

  private final Bucket bucket;

  private ArtifactBucket(Construct scope, String id, Builder props) {
    super(scope, id);
    if (props.bucketName == null) {
      throw new IllegalArgumentException("bucketName: missing; pass the deployment's artifact bucket name rule, e.g. new RegionalBucketName(\"chat-artifacts\")");
    }
    this.bucket = Bucket.Builder.create(this, "Bucket")
        .bucketName(props.bucketName.in(Stack.of(this).getAccount(), Stack.of(this).getRegion()))
        .versioned(true)
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Tags.of(bucket).add(TagKeys.DATA_CLASS, DataClass.ARTIFACT.tagValue());
  }

  /** Lets a principal (e.g. the GPU fleet's role) read the artifacts. */
  public Grant grantRead(IGrantable grantee) {
    return bucket.grantRead(grantee);
  }

  /** The bucket. */
  public Bucket getBucket() {
    return bucket;
  }

  /** Builds an {@link ArtifactBucket}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private RegionalBucketName bucketName;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts an artifact bucket {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The naming rule shared by every region's artifact bucket of the deployment. Required. */
    public Builder bucketName(RegionalBucketName bucketName) {
      this.bucketName = bucketName;
      return this;
    }

    /** The bucket. */
    public ArtifactBucket build() {
      return new ArtifactBucket(scope, id, this);
    }
  }
}
