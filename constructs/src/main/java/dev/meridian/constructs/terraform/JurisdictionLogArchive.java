package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.RegionalBucketName;
import software.constructs.Construct;

/**
 * The one archive of inference logs for a jurisdiction, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.JurisdictionLogArchive}. An S3 bucket in the region chosen to
 * hold the jurisdiction's logs, named by {@link RegionalBucketName} in the stack's account and
 * region, that every site of the jurisdiction delivers into through {@link InferenceLogs}.
 * Inference logs are user data: tagged {@code user}; versioned (a replication destination),
 * S3-managed encryption, never public, kept on destroy, objects expiring after the retention.
 *
 * <p>Props — required: {@code bucketName}, {@code region} (the stack's region). Optional:
 * {@code retentionDays} 365.
 */
public final class JurisdictionLogArchive extends Construct {

  private final S3Bucket bucket;
  private final RegionalBucketName bucketName;

  private JurisdictionLogArchive(Construct scope, String id, Builder props) {
    super(scope, id);
    props.validate();
    this.bucketName = props.bucketName;
    DataAwsCallerIdentity caller = new DataAwsCallerIdentity(this, "Caller");
    this.bucket = PrivateBucket.create(this, "Bucket", props.bucketName.in(caller.getAccountId(), props.region),
        DataClass.USER, props.retentionDays, null).bucket();
  }

  /** The archive bucket. */
  public S3Bucket getBucket() {
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
    private String region;
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

    /** The region of the stack's provider, which ends the bucket name. Required. */
    public Builder region(String region) {
      this.region = region;
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
      RegionCode.require("region", region);
      if (retentionDays < 1) {
        throw new IllegalArgumentException("retentionDays: " + retentionDays + " must be ≥ 1");
      }
    }
  }
}
