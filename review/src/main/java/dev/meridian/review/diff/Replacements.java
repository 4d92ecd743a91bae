package dev.meridian.review.diff;

import java.util.Map;
import java.util.Set;

/**
 * Which properties force the engine to replace a resource, for the types Meridian synthesizes
 * (from the CloudFormation resource reference, "Update requires: Replacement", and the AWS
 * provider's ForceNew arguments). A change to any other property is an in-place update; types not
 * listed never count as replaced. Property names are the top-level ones of the resource.
 */
public final class Replacements {

  private static final Map<String, Set<String>> FORCING = Map.ofEntries(
      Map.entry("AWS::S3::Bucket", Set.of("BucketName", "ObjectLockEnabled")),
      Map.entry("aws_s3_bucket", Set.of("bucket", "bucket_prefix", "object_lock_enabled")),
      Map.entry("AWS::EC2::Volume", Set.of("AvailabilityZone", "SnapshotId", "Encrypted", "KmsKeyId", "OutpostArn")),
      Map.entry("aws_ebs_volume", Set.of("availability_zone", "snapshot_id", "encrypted", "kms_key_id", "outpost_arn")),
      Map.entry("AWS::Logs::LogGroup", Set.of("LogGroupName")),
      Map.entry("aws_cloudwatch_log_group", Set.of("name", "name_prefix")),
      Map.entry("AWS::Logs::SubscriptionFilter", Set.of("FilterName", "LogGroupName")),
      Map.entry("aws_cloudwatch_log_subscription_filter", Set.of("name", "log_group_name")),
      Map.entry("AWS::KinesisFirehose::DeliveryStream", Set.of("DeliveryStreamName", "DeliveryStreamType")),
      Map.entry("aws_kinesis_firehose_delivery_stream", Set.of("name", "destination")),
      Map.entry("AWS::SecretsManager::Secret", Set.of("Name")),
      Map.entry("aws_secretsmanager_secret", Set.of("name", "name_prefix")),
      Map.entry("AWS::EC2::LaunchTemplate", Set.of("LaunchTemplateName")),
      Map.entry("aws_launch_template", Set.of("name", "name_prefix")),
      Map.entry("AWS::AutoScaling::AutoScalingGroup", Set.of("AutoScalingGroupName")),
      Map.entry("aws_autoscaling_group", Set.of("name", "name_prefix")),
      Map.entry("AWS::EC2::Instance", Set.of("AvailabilityZone", "ImageId", "SubnetId", "KeyName", "PrivateIpAddress")),
      Map.entry("aws_instance", Set.of("ami", "availability_zone", "subnet_id", "key_name", "private_ip")),
      Map.entry("AWS::Route53::RecordSet", Set.of("Name", "Type", "HostedZoneId", "HostedZoneName", "SetIdentifier")),
      Map.entry("aws_route53_record", Set.of("name", "type", "zone_id", "set_identifier")),
      Map.entry("AWS::Route53::HealthCheck", Set.of()),
      Map.entry("aws_route53_health_check", Set.of("type", "reference_name")),
      Map.entry("AWS::EC2::SecurityGroup", Set.of("GroupDescription", "GroupName", "VpcId")),
      Map.entry("aws_security_group", Set.of("description", "name", "name_prefix", "vpc_id")),
      Map.entry("AWS::IAM::Role", Set.of("RoleName", "Path")),
      Map.entry("aws_iam_role", Set.of("name", "name_prefix", "path")),
      Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", Set.of("Name", "Scheme", "Type")),
      Map.entry("aws_lb", Set.of("name", "name_prefix", "internal", "load_balancer_type")),
      Map.entry("AWS::EFS::FileSystem", Set.of("AvailabilityZoneName", "Encrypted", "KmsKeyId", "PerformanceMode")),
      Map.entry("aws_efs_file_system", Set.of("availability_zone_name", "encrypted", "kms_key_id", "performance_mode")),
      Map.entry("AWS::DynamoDB::Table", Set.of("TableName")),
      Map.entry("aws_dynamodb_table", Set.of("name")));

  private Replacements() {}

  /**
   * Whether changing the property at this path replaces a resource of this type; {@code path} is
   * as {@link PropertyChange#path()} writes it ({@code Properties.BucketName} for CloudFormation,
   * {@code bucket} for Terraform).
   */
  public static boolean forces(String type, String path) {
    String property = path.startsWith("Properties.") ? path.substring("Properties.".length()) : path;
    int end = property.length();
    for (char c : new char[] {'.', '['}) {
      int at = property.indexOf(c);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return FORCING.getOrDefault(type, Set.of()).contains(property.substring(0, end));
  }
}
