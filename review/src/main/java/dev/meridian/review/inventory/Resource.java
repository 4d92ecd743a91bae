package dev.meridian.review.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One resource (or Terraform data source) of a synthesized stack, engine-neutral: where it is,
 * what it is, its properties with CloudFormation intrinsics and Terraform interpolations reduced
 * to canonical strings ({@code ${AWS::AccountId}}, {@code ${Bucket.Arn}}, {@code
 * ${aws_s3_bucket.artifacts.arn}}), its tags and its retention.
 *
 * @param stack      the stack it belongs to
 * @param address    CloudFormation logical id, or Terraform address ({@code aws_s3_bucket.logs},
 *                   {@code data.aws_ssm_parameter.x})
 * @param type       the engine's type, e.g. {@code AWS::S3::Bucket} or {@code aws_s3_bucket}
 * @param kind       what it is, engine-neutral
 * @param region     the AWS region it lives in (its Terraform provider's region, else the stack's);
 *                   empty when unknown
 * @param properties its properties, canonicalized; an empty object when it has none
 * @param tags       its tags (CloudFormation {@code Tags}, Terraform {@code tags}); empty when none
 * @param retention  whether it survives deletion and replacement
 * @param body       the whole resource as the diff compares it (canonicalized, without CDK and
 *                   cdktf metadata)
 */
public record Resource(
    Stack stack,
    String address,
    String type,
    ResourceKind kind,
    Optional<String> region,
    JsonNode properties,
    SortedMap<String, String> tags,
    Retention retention,
    JsonNode body) {

  /** {@code cdk/chat-uk/ArtifactsBucket}: how findings and diffs name the resource. */
  public String path() {
    return stack.path() + "/" + address;
  }

  /** Whether this is a Terraform data source rather than a managed resource. */
  public boolean dataSource() {
    return address.startsWith("data.");
  }

  /** The property at a path of field names, or a missing node. */
  public JsonNode property(String... fields) {
    JsonNode node = properties;
    for (String field : fields) {
      node = node.path(field);
    }
    return node;
  }
}
