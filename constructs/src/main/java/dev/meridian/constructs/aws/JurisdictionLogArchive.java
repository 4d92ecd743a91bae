package dev.meridian.constructs.aws;

import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionalBucketName;
import dev.meridian.constructs.config.TagKeys;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The one archive of inference logs for a jurisdiction, in the region chosen to hold it (the
 * jurisdiction's first region): an S3 bucket that every site of the jurisdiction delivers its
 * logs to through {@link InferenceLogs}, one folder per site (directly from the archive's
 * region, by S3 replication from the others). Inference logs are user data, so the bucket is
 * tagged {@code user}; versioned (a replication destination), encrypted (S3-managed keys, so
 * replication needs no cross-region KMS grant), TLS only, never public, retained on stack
 * deletion, and named by {@link RegionalBucketName} so that sites can name it without a look-up.
 *
 * <p>Which sites deliver here is decided by the caller (the residency model); this construct
 * only keeps what it receives.
 *
 * <p>Props — required: {@code bucketName}. Optional: {@code retentionDays} 365.
 */
public final class JurisdictionLogArchive extends Construct {

  private final Bucket bucket;
  private final RegionalBucketName bucketName;

  private JurisdictionLogArchive(Construct scope, String id, Builder props) {
    super(scope, id);
    props.validate();
    this.bucketName = props.bucketName;
    this.bucket = Bucket.Builder.create(this, "Bucket")
        .bucketName(props.bucketName.in(Stack.of(this).getAccount(), Stack.of(this).getRegion()))
        .encryption(BucketEncryption.S3_MANAGED)
        .versioned(true)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(props.retentionDays)).build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Tags.of(bucket).add(TagKeys.DATA_CLASS, DataClass.USER.tagValue());
  }

  /** The archive bucket. */
  public Bucket getBucket() {
    return bucket;
  }

  /** The naming rule of the bucket, for {@link InferenceLogs.Builder#archive}. */
  public RegionalBucketName getBucketName() {
    return bucketName;
  }

  /** Builds a {@link JurisdictionLogArchive}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private RegionalBucketName bucketName;
    private int retentionDays = 365;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts an archive {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The bucket's naming rule, e.g. {@code new RegionalBucketName("chat-uk-logs")}. Required. */
    public Builder bucketName(RegionalBucketName bucketName) {
      this.bucketName = bucketName;
      return this;
    }

    /** Days archived logs are kept, ≥ 1. @default 365 */
    public Builder retentionDays(int retentionDays) {
      this.retentionDays = retentionDays;
      return this;
    }

    /** The archive. */
    public JurisdictionLogArchive build() {
      return new JurisdictionLogArchive(scope, id, this);
    }

    private void validate() {
      if (bucketName == null) {
        throw new IllegalArgumentException("bucketName: missing; pass e.g. new RegionalBucketName(\"chat-uk-logs\")");
      }
      if (retentionDays < 1) {
        throw new IllegalArgumentException("retentionDays: " + retentionDays + " must be ≥ 1");
      }
    }
  }
}
