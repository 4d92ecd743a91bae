package dev.meridian.review.inventory;

import java.util.Optional;

/**
 * One synthesized stack: a CloudFormation template or a Terraform stack.
 *
 * @param engine         the engine it was synthesized for
 * @param name           the stack name, e.g. {@code chat-uk}
 * @param region         the AWS region it deploys to (manifest environment or default provider);
 *                       empty when the output does not say
 * @param placement      what the stack records it belongs to; empty when absent or malformed
 * @param placementError why the placement is empty; empty when it is present
 */
public record Stack(
    Engine engine,
    String name,
    Optional<String> region,
    Optional<StackPlacement> placement,
    Optional<String> placementError) {

  /** {@code cdk/chat-uk} or {@code terraform/chat-uk}: how reports name the stack. */
  public String path() {
    return engine.folder() + "/" + name;
  }

  /** The deployment the stack records, or {@code ?} when it records none. */
  public String deployment() {
    return placement.map(StackPlacement::deployment).orElse("?");
  }

  /** The site the stack records; {@code global} for a global stack, {@code ?} when unknown. */
  public String site() {
    return placement.map(p -> p.site().orElse("global")).orElse("?");
  }
}
