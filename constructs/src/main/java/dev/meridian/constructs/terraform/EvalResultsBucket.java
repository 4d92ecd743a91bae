package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.RegionalBucketName;
import software.constructs.Construct;

/**
 * Where an {@link EvalHarness} writes its results, in Terraform: a versioned bucket named
 * {@code <prefix>-<account>-<region>} by {@link RegionalBucketName}, S3-managed encryption, never
 * public, kept on destroy, tagged {@code derived} (scores and summaries, no user content). The CDK
 * engine makes the same bucket with {@code s3.Bucket}.
 *
 * <p>Props — required: {@code bucketName}, {@code region} (the stack's region).
 */
public final class EvalResultsBucket extends Construct {

  private final S3Bucket bucket;

  private EvalResultsBucket(Construct scope, String id, Builder props) {
    super(scope, id);
    if (props.bucketName == null) {
      throw new IllegalArgumentException("bucketName: missing; pass e.g. new RegionalBucketName(\"chat-evals\")");
    }
    RegionCode.require("region", props.region);
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    this.bucket = PrivateBucket.create(this, "Bucket", props.bucketName.in(account, props.region), DataClass.DERIVED, null, null)
        .bucket();
  }

  /** The bucket. */
  public S3Bucket getBucket() {
    return bucket;
  }

  /** Builds an {@link EvalResultsBucket}. */
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

    /** The bucket's name, completed with the account and region. */
    public Builder bucketName(RegionalBucketName bucketName) {
      this.bucketName = bucketName;
      return this;
    }

    /** The stack's region. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Creates the bucket. */
    public EvalResultsBucket build() {
      return new EvalResultsBucket(scope, id, this);
    }
  }
}
