package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationAConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationRuleDeleteMarkerReplication;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationRuleDestination;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationRuleDestinationMetrics;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationRuleDestinationMetricsEventThreshold;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationRuleDestinationReplicationTime;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationRuleDestinationReplicationTimeTime;
import com.hashicorp.cdktf.providers.aws.s3_bucket_replication_configuration.S3BucketReplicationConfigurationRuleFilter;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * S3 replication from one versioned bucket, as the CDK twins set it up: a role S3 assumes
 * (read the source's versions under a prefix, write only the destinations' given objects) and one
 * rule per destination, deletions not replicated, optionally with Replication Time Control.
 */
final class Replication {

  private Replication() {}

  /** Replicates {@code source} (under {@code prefix}) to the destinations; returns the role. */
  static IamRole replicate(Construct scope, String id, String description, PrivateBucket.Created source, String prefix,
      List<Destination> destinations, boolean timeControl) {
    IamRole role = new IamRole(scope, id + "Role", IamRoleConfig.builder()
        .description(description)
        .assumeRolePolicy(PolicyDocuments.assumedBy("s3.amazonaws.com"))
        .build());
    String sourceArn = source.bucket().getArn();
    new IamRolePolicy(scope, id + "RoleSource", IamRolePolicyConfig.builder().role(role.getId())
        .policy(PolicyDocuments.allow(List.of("s3:GetReplicationConfiguration", "s3:ListBucket"), List.of(sourceArn)))
        .build());
    new IamRolePolicy(scope, id + "RoleVersions", IamRolePolicyConfig.builder().role(role.getId())
        .policy(PolicyDocuments.allow(
            List.of("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"),
            List.of(sourceArn + "/" + prefix + "*")))
        .build());
    new IamRolePolicy(scope, id + "RoleDestinations", IamRolePolicyConfig.builder().role(role.getId())
        .policy(PolicyDocuments.allow(List.of("s3:ReplicateObject", "s3:ReplicateTags"),
            destinations.stream().flatMap(d -> d.writableObjectArns().stream()).toList()))
        .build());
    List<S3BucketReplicationConfigurationRule> rules = new ArrayList<>();
    for (Destination destination : destinations) {
      S3BucketReplicationConfigurationRuleDestination.Builder target = S3BucketReplicationConfigurationRuleDestination
          .builder().bucket(destination.bucketArn());
      if (timeControl) {
        target.replicationTime(S3BucketReplicationConfigurationRuleDestinationReplicationTime.builder().status("Enabled")
                .time(S3BucketReplicationConfigurationRuleDestinationReplicationTimeTime.builder().minutes(15).build()).build())
            .metrics(S3BucketReplicationConfigurationRuleDestinationMetrics.builder().status("Enabled")
                .eventThreshold(S3BucketReplicationConfigurationRuleDestinationMetricsEventThreshold.builder().minutes(15).build())
                .build());
      }
      rules.add(S3BucketReplicationConfigurationRule.builder()
          .id(destination.ruleId())
          .status("Enabled")
          .priority(rules.size())
          .filter(S3BucketReplicationConfigurationRuleFilter.builder().prefix(prefix).build())
          .deleteMarkerReplication(S3BucketReplicationConfigurationRuleDeleteMarkerReplication.builder().status("Disabled").build())
          .destination(target.build())
          .build());
    }
    new S3BucketReplicationConfigurationA(scope, id, S3BucketReplicationConfigurationAConfig.builder()
        .bucket(source.bucket().getId())
        .role(role.getArn())
        .rule(rules)
        .dependsOn(List.of(source.versioning()))
        .build());
    return role;
  }

  /**
   * One replication destination.
   *
   * @param ruleId             the rule's id, e.g. {@code to-eu-central-1}
   * @param bucketArn          the destination bucket
   * @param writableObjectArns the objects the role may write there
   */
  record Destination(String ruleId, String bucketArn, List<String> writableObjectArns) {}
}
