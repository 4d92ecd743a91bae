package dev.meridian.review.verify;

import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Stateful resources (buckets, volumes, log groups, file systems, tables) survive being removed
 * from the code. CloudFormation requires both {@code DeletionPolicy} ({@code Retain}, {@code
 * RetainExceptOnCreate} or {@code Snapshot}) and {@code UpdateReplacePolicy} ({@code Retain} or
 * {@code Snapshot}); Terraform requires {@code lifecycle.prevent_destroy = true}.
 */
public final class RetentionRule implements Rule {

  @Override
  public String id() {
    return "retention";
  }

  @Override
  public String description() {
    return "stateful resources are retained when deleted or replaced";
  }

  @Override
  public List<Finding> check(Inventory inventory) {
    List<Finding> findings = new ArrayList<>();
    for (Resource r : inventory.resources()) {
      if (!r.kind().stateful() || r.dataSource()) {
        continue;
      }
      if (r.stack().engine() == Engine.TERRAFORM) {
        if (!r.retention().onDelete()) {
          findings.add(new Finding(r.path(), id(), r.type() + " is not protected: lifecycle.prevent_destroy is not true"));
        }
        continue;
      }
      if (!r.retention().onDelete()) {
        findings.add(new Finding(r.path(), id(), r.type() + " is deleted with its stack: DeletionPolicy is "
            + r.body().path("DeletionPolicy").asText("absent") + " (expected Retain, RetainExceptOnCreate or Snapshot)"));
      }
      if (!r.retention().onReplace()) {
        findings.add(new Finding(r.path(), id(), r.type() + " is deleted on replacement: UpdateReplacePolicy is "
            + r.body().path("UpdateReplacePolicy").asText("absent") + " (expected Retain or Snapshot)"));
      }
    }
    return findings;
  }
}
