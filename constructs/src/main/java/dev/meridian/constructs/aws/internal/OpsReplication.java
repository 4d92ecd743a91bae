package dev.meridian.constructs.aws.internal;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.constructs.Construct;

/**
 * S3 replication of a versioned bucket as Meridian sets it up: one rule per destination (in
 * the order given, priorities from 0), the objects under a prefix, deletions never replicated,
 * and a role that may read versions of those objects and write only where each destination
 * allows.
 */
public final class OpsReplication {

  /**
   * One destination of a replication.
   *
   * @param ruleId             the rule's id, e.g. {@code to-eu-central-1}
   * @param bucketArn          the destination bucket's ARN (by name; it may be in another region)
   * @param writableObjectArns the object ARNs the role may write there, e.g. {@code arn/*}
   */
  public record Destination(String ruleId, String bucketArn, List<String> writableObjectArns) {
    public Destination {
      writableObjectArns = List.copyOf(writableObjectArns);
    }
  }

  private OpsReplication() {}

  /**
   * Replicates {@code source}'s objects under {@code prefix} ("" for all) to the destinations
   * with a role {@code id} under {@code scope}; with {@code timeControl}, S3 RTC (15 minutes,
   * with metrics). Returns the role.
   */
  public static Role replicate(Construct scope, String id, String description, Bucket source, String prefix,
      List<Destination> destinations, boolean timeControl) {
    if (destinations.isEmpty()) {
      throw new IllegalArgumentException("destinations: empty; replicate to at least one bucket");
    }
    Role role = Role.Builder.create(scope, id)
        .assumedBy(new ServicePrincipal("s3.amazonaws.com"))
        .description(description)
        .build();
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:GetReplicationConfiguration", "s3:ListBucket"))
        .resources(List.of(source.getBucketArn()))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"))
        .resources(List.of(source.arnForObjects(prefix + "*")))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:ReplicateObject", "s3:ReplicateTags"))
        .resources(destinations.stream().flatMap(d -> d.writableObjectArns().stream()).toList())
        .build());
    List<CfnBucket.ReplicationRuleProperty> rules = new ArrayList<>();
    for (Destination destination : destinations) {
      CfnBucket.ReplicationDestinationProperty.Builder target = CfnBucket.ReplicationDestinationProperty.builder()
          .bucket(destination.bucketArn());
      if (timeControl) {
        CfnBucket.ReplicationTimeValueProperty fifteenMinutes = CfnBucket.ReplicationTimeValueProperty.builder().minutes(15).build();
        target.replicationTime(CfnBucket.ReplicationTimeProperty.builder().status("Enabled").time(fifteenMinutes).build())
            .metrics(CfnBucket.MetricsProperty.builder().status("Enabled").eventThreshold(fifteenMinutes).build());
      }
      rules.add(CfnBucket.ReplicationRuleProperty.builder()
          .id(destination.ruleId())
          .status("Enabled")
          .priority(rules.size())
          .filter(CfnBucket.ReplicationRuleFilterProperty.builder().prefix(prefix).build())
          .deleteMarkerReplication(CfnBucket.DeleteMarkerReplicationProperty.builder().status("Disabled").build())
          .destination(target.build())
          .build());
    }
    ((CfnBucket) source.getNode().getDefaultChild()).setReplicationConfiguration(
        CfnBucket.ReplicationConfigurationProperty.builder().role(role.getRoleArn()).rules(rules).build());
    return role;
  }
}
