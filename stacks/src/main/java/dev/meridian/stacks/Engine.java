package dev.meridian.stacks;

/** The engines Meridian synthesizes for, each into its own folder of the output. */
public enum Engine {
  /** AWS CDK for Java → a CloudFormation cloud assembly in {@code OUT/cdk}. */
  CDK("cdk"),
  /** CDKTF → Terraform JSON in {@code OUT/terraform} (a cdktf.out). */
  TERRAFORM("terraform");

  private final String folder;

  Engine(String folder) {
    this.folder = folder;
  }

  /** The engine's folder inside a synth output, and its name on the command line. */
  public String folder() {
    return folder;
  }
}
