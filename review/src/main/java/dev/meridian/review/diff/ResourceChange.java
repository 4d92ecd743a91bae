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
 * @param properties the property-level changes; empty for additions and removals
 */
public record ResourceChange(
    Engine engine, String stack, String deployment, String site, String address, String type,
    ChangeKind kind, boolean stateful, List<PropertyChange> properties) {

  /** {@code cdk/chat-uk/LogsBucket}. */
  public String path() {
    return engine.folder() + "/" + stack + "/" + address;
  }

  /** Whether this change destroys data: a stateful resource removed or replaced. */
  public boolean destroysData() {
    return stateful && (kind == ChangeKind.REMOVED || kind == ChangeKind.REPLACED);
  }

  /** What identifies the same change at another site: everything but the stack and site. */
  String foldKey() {
    return engine + "|" + deployment + "|" + address + "|" + type + "|" + kind + "|" + properties;
  }
}
