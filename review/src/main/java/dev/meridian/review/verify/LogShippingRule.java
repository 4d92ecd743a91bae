package dev.meridian.review.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.review.inventory.Blocks;
import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Located;
import dev.meridian.review.inventory.Resource;
import dev.meridian.review.inventory.ResourceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Logs (user data unless tagged otherwise) are shipped within their jurisdiction: every log
 * subscription's destination (a Firehose stream, or any other ARN) lies in the log group's
 * jurisdiction, and every Firehose stream delivers to an S3 bucket in its own jurisdiction, unless
 * {@code allowedTransfers} allow the crossing. Each hop is judged where it is written: the
 * subscription filter for log group → stream, the stream for stream → bucket.
 */
public final class LogShippingRule implements Rule {

  @Override
  public String id() {
    return "log-shipping";
  }

  @Override
  public String description() {
    return "log subscriptions and Firehose deliveries of user data stay in their jurisdiction unless allowed";
  }

  @Override
  public boolean residency() {
    return true;
  }

  @Override
  public List<Finding> check(Inventory inventory) {
    List<Finding> findings = new ArrayList<>();
    for (Resource subscription : inventory.resources(ResourceKind.LOG_SUBSCRIPTION)) {
      boolean cfn = subscription.stack().engine() == Engine.CLOUDFORMATION;
      Resource logGroup = inventory.locate(subscription,
              subscription.property(cfn ? "LogGroupName" : "log_group_name").asText(), ResourceKind.LOG_GROUP)
          .resource().orElse(subscription);
      if (!Borders.holdsUserData(logGroup)) {
        continue;
      }
      Located destination = inventory.locate(subscription,
          subscription.property(cfn ? "DestinationArn" : "destination_arn").asText(), ResourceKind.FIREHOSE);
      String flow = "log subscription of " + (logGroup == subscription ? "its log group" : logGroup.path());
      Borders.judge(id(), subscription, flow, destination).ifPresent(findings::add);
    }
    for (Resource stream : inventory.resources(ResourceKind.FIREHOSE)) {
      if (!Borders.holdsUserData(stream)) {
        continue;
      }
      for (String bucketArn : bucketArns(stream)) {
        Borders.judge(id(), stream, "Firehose delivery", inventory.locate(stream, bucketArn, ResourceKind.BUCKET))
            .ifPresent(findings::add);
      }
    }
    return findings;
  }

  private static List<String> bucketArns(Resource stream) {
    List<String> arns = new ArrayList<>();
    if (stream.stack().engine() == Engine.CLOUDFORMATION) {
      for (String config : List.of("ExtendedS3DestinationConfiguration", "S3DestinationConfiguration")) {
        JsonNode arn = stream.property(config, "BucketARN");
        if (arn.isTextual()) {
          arns.add(arn.asText());
        }
      }
    } else {
      for (String config : List.of("extended_s3_configuration", "s3_configuration")) {
        for (JsonNode block : Blocks.each(stream.property(config))) {
          if (block.path("bucket_arn").isTextual()) {
            arns.add(block.path("bucket_arn").asText());
          }
        }
      }
    }
    return arns;
  }
}
