package dev.meridian.review.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.review.inventory.Blocks;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Resource;
import dev.meridian.review.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 replication of user data stays in its jurisdiction unless allowed: every enabled rule of a
 * bucket's {@code ReplicationConfiguration} (CloudFormation) or of an {@code
 * aws_s3_bucket_replication_configuration} (Terraform) names a destination bucket in the same
 * jurisdiction as the source bucket, or one the deployment's {@code allowedTransfers} allow. Qdrant
 * snapshot copies travel this way too. The destination is found in the output by reference, ARN or
 * name, else placed by the region its name ends with; a destination that cannot be placed is a
 * finding. Only sources tagged {@code derived} or {@code artifact} may replicate anywhere.
 */
public final class ReplicationRule implements Rule {

  @Override
  public String id() {
    return "replication";
  }

  @Override
  public String description() {
    return "S3 replication (and snapshot copies) of user data stays in its jurisdiction unless allowed";
  }

  @Override
  public boolean residency() {
    return true;
  }

  @Override
  public List<Finding> check(Inventory inventory) {
    List<Finding> findings = new ArrayList<>();
    for (Resource bucket : inventory.resources(ResourceKind.BUCKET)) {
      for (JsonNode rule : bucket.property("ReplicationConfiguration", "Rules")) {
        if (!"Disabled".equals(rule.path("Status").asText())) {
          judge(inventory, bucket, bucket, rule.path("Id").asText(), rule.path("Destination").path("Bucket"), findings);
        }
      }
    }
    for (Resource replication : inventory.resources(ResourceKind.BUCKET_REPLICATION)) {
      Resource source = inventory.locate(replication, replication.property("bucket").asText(), ResourceKind.BUCKET)
          .resource().orElse(replication);
      for (JsonNode rule : Blocks.each(replication.property("rule"))) {
        if (!"Disabled".equals(rule.path("status").asText())) {
          for (JsonNode destination : Blocks.each(rule.path("destination"))) {
            judge(inventory, replication, source, rule.path("id").asText(), destination.path("bucket"), findings);
          }
        }
      }
    }
    return findings;
  }

  private void judge(Inventory inventory, Resource at, Resource source, String ruleId, JsonNode destination,
      List<Finding> findings) {
    if (!Borders.holdsUserData(source)) {
      return;
    }
    String flow = "S3 replication" + (ruleId.isEmpty() ? "" : " rule " + ruleId)
        + (at == source ? "" : " of " + source.path());
    Borders.judge(id(), at, flow, inventory.locate(at, destination.asText(), ResourceKind.BUCKET))
        .ifPresent(findings::add);
  }
}
