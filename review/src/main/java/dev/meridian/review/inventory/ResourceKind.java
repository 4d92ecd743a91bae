package dev.meridian.review.inventory;

import java.util.Map;

/**
 * What a resource is, independent of the engine: the review rules speak of buckets and volumes,
 * not of {@code AWS::S3::Bucket} or {@code aws_s3_bucket}. Types review has no rule for are
 * {@link #OTHER}.
 */
public enum ResourceKind {
  BUCKET,
  BUCKET_REPLICATION,
  VOLUME,
  LAUNCH_TEMPLATE,
  AUTO_SCALING_GROUP,
  INSTANCE,
  LOG_GROUP,
  LOG_SUBSCRIPTION,
  FIREHOSE,
  SECRET,
  SECRET_VALUE,
  FILE_SYSTEM,
  TABLE,
  RECORD_SET,
  HEALTH_CHECK,
  SECURITY_GROUP,
  INGRESS_RULE,
  IAM_ROLE,
  IAM_POLICY,
  CROSS_REGION_REFERENCE,
  OTHER;

  private static final Map<String, ResourceKind> BY_TYPE = Map.ofEntries(
      Map.entry("AWS::S3::Bucket", BUCKET),
      Map.entry("aws_s3_bucket", BUCKET),
      Map.entry("aws_s3_bucket_replication_configuration", BUCKET_REPLICATION),
      Map.entry("AWS::EC2::Volume", VOLUME),
      Map.entry("aws_ebs_volume", VOLUME),
      Map.entry("AWS::EC2::LaunchTemplate", LAUNCH_TEMPLATE),
      Map.entry("aws_launch_template", LAUNCH_TEMPLATE),
      Map.entry("AWS::AutoScaling::AutoScalingGroup", AUTO_SCALING_GROUP),
      Map.entry("aws_autoscaling_group", AUTO_SCALING_GROUP),
      Map.entry("AWS::EC2::Instance", INSTANCE),
      Map.entry("aws_instance", INSTANCE),
      Map.entry("AWS::Logs::LogGroup", LOG_GROUP),
      Map.entry("aws_cloudwatch_log_group", LOG_GROUP),
      Map.entry("AWS::Logs::SubscriptionFilter", LOG_SUBSCRIPTION),
      Map.entry("aws_cloudwatch_log_subscription_filter", LOG_SUBSCRIPTION),
      Map.entry("AWS::KinesisFirehose::DeliveryStream", FIREHOSE),
      Map.entry("aws_kinesis_firehose_delivery_stream", FIREHOSE),
      Map.entry("AWS::SecretsManager::Secret", SECRET),
      Map.entry("aws_secretsmanager_secret", SECRET),
      Map.entry("aws_secretsmanager_secret_version", SECRET_VALUE),
      Map.entry("AWS::EFS::FileSystem", FILE_SYSTEM),
      Map.entry("aws_efs_file_system", FILE_SYSTEM),
      Map.entry("AWS::DynamoDB::Table", TABLE),
      Map.entry("aws_dynamodb_table", TABLE),
      Map.entry("AWS::Route53::RecordSet", RECORD_SET),
      Map.entry("aws_route53_record", RECORD_SET),
      Map.entry("AWS::Route53::HealthCheck", HEALTH_CHECK),
      Map.entry("aws_route53_health_check", HEALTH_CHECK),
      Map.entry("AWS::EC2::SecurityGroup", SECURITY_GROUP),
      Map.entry("aws_security_group", SECURITY_GROUP),
      Map.entry("AWS::EC2::SecurityGroupIngress", INGRESS_RULE),
      Map.entry("aws_security_group_rule", INGRESS_RULE),
      Map.entry("aws_vpc_security_group_ingress_rule", INGRESS_RULE),
      Map.entry("AWS::IAM::Role", IAM_ROLE),
      Map.entry("aws_iam_role", IAM_ROLE),
      Map.entry("AWS::IAM::Policy", IAM_POLICY),
      Map.entry("AWS::IAM::ManagedPolicy", IAM_POLICY),
      Map.entry("aws_iam_policy", IAM_POLICY),
      Map.entry("aws_iam_role_policy", IAM_POLICY),
      Map.entry("Custom::AWS", CROSS_REGION_REFERENCE),
      Map.entry("Custom::CrossRegionExportWriter", CROSS_REGION_REFERENCE),
      Map.entry("Custom::CrossRegionExportReader", CROSS_REGION_REFERENCE));

  /** The kind of a CloudFormation or Terraform resource type; {@link #OTHER} if review has no rule for it. */
  public static ResourceKind of(String type) {
    if (type.startsWith("Custom::CrossRegion")) {
      return CROSS_REGION_REFERENCE;
    }
    return BY_TYPE.getOrDefault(type, OTHER);
  }

  /** Whether resources of this kind hold data and so must carry a jurisdiction and data class. */
  public boolean dataBearing() {
    return switch (this) {
      case BUCKET, VOLUME, LAUNCH_TEMPLATE, LOG_GROUP, FIREHOSE, SECRET, FILE_SYSTEM, TABLE -> true;
      case BUCKET_REPLICATION, AUTO_SCALING_GROUP, INSTANCE, LOG_SUBSCRIPTION, SECRET_VALUE,
          RECORD_SET, HEALTH_CHECK, SECURITY_GROUP, INGRESS_RULE, IAM_ROLE, IAM_POLICY,
          CROSS_REGION_REFERENCE, OTHER -> false;
    };
  }

  /** Whether deleting or replacing a resource of this kind loses data. */
  public boolean stateful() {
    return switch (this) {
      case BUCKET, VOLUME, LOG_GROUP, FILE_SYSTEM, TABLE -> true;
      case BUCKET_REPLICATION, LAUNCH_TEMPLATE, AUTO_SCALING_GROUP, INSTANCE, LOG_SUBSCRIPTION,
          FIREHOSE, SECRET, SECRET_VALUE, RECORD_SET, HEALTH_CHECK, SECURITY_GROUP, INGRESS_RULE,
          IAM_ROLE, IAM_POLICY, CROSS_REGION_REFERENCE, OTHER -> false;
    };
  }
}
