package dev.meridian.review.inventory;

/** The engine a stack was synthesized for; its folder name inside a synth output directory. */
public enum Engine {
  /** An AWS CDK cloud assembly of CloudFormation templates, in {@code DIR/cdk}. */
  CLOUDFORMATION("cdk"),
  /** A cdktf.out of Terraform JSON, in {@code DIR/terraform}. */
  TERRAFORM("terraform");

  private final String folder;

  Engine(String folder) {
    this.folder = folder;
  }

  /** The folder of this engine's output inside a synth output directory. */
  public String folder() {
    return folder;
  }
}
