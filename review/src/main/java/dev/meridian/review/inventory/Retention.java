package dev.meridian.review.inventory;

/**
 * Whether a resource survives its removal from the stack. CloudFormation: {@code DeletionPolicy}
 * of {@code Retain}, {@code RetainExceptOnCreate} or {@code Snapshot} retains on delete, {@code
 * UpdateReplacePolicy} of {@code Retain} or {@code Snapshot} on replacement; Terraform: {@code
 * lifecycle.prevent_destroy = true} covers both (Terraform refuses to destroy or replace it).
 *
 * @param onDelete  kept (or snapshotted) when removed; default false
 * @param onReplace kept (or snapshotted) when replaced; default false
 */
public record Retention(boolean onDelete, boolean onReplace) {}
