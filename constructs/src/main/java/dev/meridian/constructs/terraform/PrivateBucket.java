package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3BucketConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfiguration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControls;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControlsConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControlsRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicyConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlockConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import dev.meridian.constructs.config.DataClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.constructs.Construct;

/**
 * A bucket the way Meridian keeps data in Terraform: S3-managed encryption, never public, owner-
 * enforced objects, requests without TLS refused (its bucket policy), versioned, optionally expiring objects after a number of days, kept on destroy
 * ({@code prevent_destroy}), tagged with its data class. The twin of the CDK buckets' settings.
 */
final class PrivateBucket {

  private PrivateBucket() {}

  /**
   * The bucket; {@code name} null for a generated name, {@code expireDays} null to keep objects,
   * {@code noncurrentDays} null to keep old versions as long as current ones.
   */
  static Created create(Construct scope, String id, String name, DataClass dataClass, Integer expireDays,
      Integer noncurrentDays) {
    return create(scope, id, name, dataClass, expireDays, noncurrentDays, bucketArn -> List.of());
  }

  /**
   * The bucket, its policy holding the statements {@code statementsFor} gives for the bucket's
   * ARN besides the refusal of requests without TLS (as the CDK twins' {@code enforceSsl}).
   */
  static Created create(Construct scope, String id, String name, DataClass dataClass, Integer expireDays,
      Integer noncurrentDays, Function<String, List<Map<String, Object>>> statementsFor) {
    S3BucketConfig.Builder config = S3BucketConfig.builder()
        .tags(DataClassTags.of(dataClass))
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build());
    if (name != null) {
      config.bucket(name);
    }
    S3Bucket bucket = new S3Bucket(scope, id, config.build());
    S3BucketVersioningA versioning = new S3BucketVersioningA(scope, id + "Versioning", S3BucketVersioningAConfig.builder()
        .bucket(bucket.getId())
        .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build())
        .build());
    new S3BucketServerSideEncryptionConfigurationA(scope, id + "Encryption",
        S3BucketServerSideEncryptionConfigurationAConfig.builder()
            .bucket(bucket.getId())
            .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
                .applyServerSideEncryptionByDefault(S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA
                    .builder().sseAlgorithm("AES256").build())
                .build()))
            .build());
    S3BucketPublicAccessBlock publicAccess = new S3BucketPublicAccessBlock(scope, id + "PublicAccess",
        S3BucketPublicAccessBlockConfig.builder()
        .bucket(bucket.getId())
        .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
        .build());
    List<Map<String, Object>> policy = new ArrayList<>();
    policy.add(PolicyDocuments.denyInsecureTransport(List.of(bucket.getArn(), bucket.getArn() + "/*")));
    policy.addAll(statementsFor.apply(bucket.getArn()));
    // S3 refuses a bucket policy set while its public-access block is being set: one after the other.
    S3BucketPolicy bucketPolicy = new S3BucketPolicy(scope, id + "Policy", S3BucketPolicyConfig.builder()
        .bucket(bucket.getId())
        .policy(PolicyDocuments.document(policy))
        .dependsOn(List.of(publicAccess))
        .build());
    new S3BucketOwnershipControls(scope, id + "Ownership", S3BucketOwnershipControlsConfig.builder()
        .bucket(bucket.getId())
        .rule(S3BucketOwnershipControlsRule.builder().objectOwnership("BucketOwnerEnforced").build())
        .build());
    if (expireDays == null) {
      return new Created(bucket, versioning, bucketPolicy);
    }
    S3BucketLifecycleConfigurationRule.Builder rule = S3BucketLifecycleConfigurationRule.builder()
        .id("expire")
        .status("Enabled")
        .filter(S3BucketLifecycleConfigurationRuleFilter.builder().prefix("").build())
        .expiration(S3BucketLifecycleConfigurationRuleExpiration.builder().days(expireDays).build());
    if (noncurrentDays != null) {
      rule.noncurrentVersionExpiration(S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration.builder()
          .noncurrentDays(noncurrentDays).build());
    }
    new S3BucketLifecycleConfiguration(scope, id + "Lifecycle", S3BucketLifecycleConfigurationConfig.builder()
        .bucket(bucket.getId())
        .rule(List.of(rule.build()))
        .build());
    return new Created(bucket, versioning, bucketPolicy);
  }

  /** A created bucket, its versioning (replication must wait for it) and its policy (log delivery must). */
  record Created(S3Bucket bucket, S3BucketVersioningA versioning, S3BucketPolicy policy) {}
}
