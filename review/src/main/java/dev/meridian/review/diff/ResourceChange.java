package dev.meridian.review.diff;

import dev.meridian.review.inventory.Engine;
import java.util.List;

/**
 * One resource that differs between base and head.
 *
 * @param engine     the engine of its stack
 * @param stack      the stack name
 * @param deployment the deployment its stack records ({@code ?} if none)
 * @param site       the site its stack records ({@code global} for DNS, {@code ?} if none)
 * @param address    logical id or Terraform address
 * @param type       resource type
 * @param kind       added, removed, updated or replaced
 * @param stateful   whether losing it loses data (buckets, volumes, log groups, …)
 * @param retained   whether the engine keeps the old resource when this change removes or replaces it
 *                   (CloudFormation {@code DeletionPolicy}/{@code UpdateReplacePolicy}; Terraform
 *                   {@code prevent_destroy} makes the plan fail instead); false for additions
 * @param properties the property-level changes; empty for additions and removals
 */
public record ResourceChange(
    Engine engine, String stack, String deployment, String site, String address, String type,
    ChangeKind kind, boolean stateful, boolean retained, List<PropertyChange> properties) {

  /** {@code cdk/chat-uk/LogsBucket}. */
  public String path() {
    return engine.folder() + "/" + stack + "/" + address;
  }

  /** Whether this change removes or replaces a stateful resource (retained or not). */
  public boolean losesStatefulResource() {
    return stateful && (kind == ChangeKind.REMOVED || kind == ChangeKind.REPLACED);
  }

  /** Whether this change destroys data: a stateful resource removed or replaced, and not retained. */
  public boolean destroysData() {
    return losesStatefulResource() && !retained;
  }

  /** What identifies the same change at another site: everything but the stack and site. */
  String foldKey() {
    return engine + "|" + deployment + "|" + address + "|" + type + "|" + kind + "|" + properties;
  }
}
