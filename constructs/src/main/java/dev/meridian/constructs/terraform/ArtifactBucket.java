package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.RegionalBucketName;
import software.constructs.Construct;

/**
 * A region's copy of the deployment's artifacts — model weights, prompts, configs — in Terraform:
 * the twin of {@link dev.meridian.constructs.aws.ArtifactBucket}. A versioned bucket named
 * {@code <prefix>-<account>-<region>} by {@link RegionalBucketName}, so that the
 * {@link ArtifactSync} source can replicate into it by name; S3-managed encryption, never public,
 * kept on destroy, tagged {@code artifact}.
 *
 * <p>Props — required: {@code bucketName}, {@code region} (the stack's region).
 */
public final class ArtifactBucket extends Construct {

  private final S3Bucket bucket;
  private final S3BucketVersioningA versioning;

  private ArtifactBucket(Construct scope, String id, Builder props) {
    super(scope, id);
    if (props.bucketName == null) {
      throw new IllegalArgumentException("bucketName: missing; pass e.g. new RegionalBucketName(\"chat-artifacts\")");
    }
    RegionCode.require("region", props.region);
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    PrivateBucket.Created created = PrivateBucket.create(this, "Bucket", props.bucketName.in(account, props.region),
        DataClass.ARTIFACT, null, null);
    this.bucket = created.bucket();
    this.versioning = created.versioning();
  }

  /** The bucket. */
  public S3Bucket getBucket() {
    return bucket;
  }

  /** The bucket's versioning, which replication from this bucket must wait for. */
  public S3BucketVersioningA getVersioning() {
    return versioning;
  }

  /** Builds an {@link ArtifactBucket}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private RegionalBucketName bucketName;
    private String region;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a bucket {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The naming rule of every region's artifact bucket. Required. */
    public Builder bucketName(RegionalBucketName bucketName) {
      this.bucketName = bucketName;
      return this;
    }

    /** The region of the stack's provider. Required. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The bucket. */
    public ArtifactBucket build() {
      return new ArtifactBucket(scope, id, this);
    }
  }
}
