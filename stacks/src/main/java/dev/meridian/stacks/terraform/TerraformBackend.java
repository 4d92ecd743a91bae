package dev.meridian.stacks.terraform;

import java.nio.file.Path;

/**
 * Where Terraform keeps each stack's state. Every stack has its own state (one region's apply
 * never touches another's): a file {@code <stack>.tfstate} in a local folder, or an object
 * {@code <keyPrefix>/<stack>.tfstate} in an S3 bucket with a DynamoDB lock table. Default:
 * {@link #local()}, the folder {@code terraform-state} beside the synth output folder.
 */
public sealed interface TerraformBackend {

  /** The default: state files in {@code terraform-state/}, beside the synth output folder. */
  static TerraformBackend local() {
    return new Local(Path.of("terraform-state"));
  }

  /**
   * State files in a local folder, kept outside the synth output (which each synth replaces).
   *
   * @param folder the folder; a relative path is taken from the folder that holds the synth output
   *               (so {@code terraform-state} sits beside {@code out/}) and written relative to each
   *               stack's folder, the same wherever the output goes; an absolute path is written as is
   */
  record Local(Path folder) implements TerraformBackend {}

  /**
   * State in S3, locked through DynamoDB (a table with the string hash key {@code LockID}).
   *
   * @param bucket    the state bucket (versioning on, access limited to deployers)
   * @param region    the bucket's region
   * @param lockTable the DynamoDB lock table
   * @param keyPrefix prefix of the state objects, e.g. {@code meridian}; objects are
   *                  {@code <keyPrefix>/<stack>.tfstate}
   */
  record S3(String bucket, String region, String lockTable, String keyPrefix) implements TerraformBackend {
    public S3 {
      if (bucket == null || bucket.isBlank()) {
        throw new IllegalArgumentException("backend bucket: missing; name the S3 bucket holding Terraform state");
      }
      if (region == null || region.isBlank()) {
        throw new IllegalArgumentException("backend region: missing; name the state bucket's AWS region");
      }
      if (lockTable == null || lockTable.isBlank()) {
        throw new IllegalArgumentException("backend lock table: missing; name the DynamoDB table with hash key LockID");
      }
      keyPrefix = keyPrefix == null ? "" : keyPrefix.replaceAll("^/+|/+$", "");
    }

    /** The state object of a stack. */
    public String key(String stack) {
      return keyPrefix.isEmpty() ? stack + ".tfstate" : keyPrefix + "/" + stack + ".tfstate";
    }
  }
}
