package dev.meridian.review.inventory;

import dev.meridian.review.ReviewInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the directory {@code meridian synth --out DIR} wrote: the cloud assembly in {@code
 * DIR/cdk} and/or the cdktf.out in {@code DIR/terraform} (at least one of them).
 */
public final class OutputReader {

  private OutputReader() {}

  /** The inventory of a synth output directory; every unreadable part is one problem line. */
  public static Inventory read(Path dir) throws ReviewInputException {
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      throw new ReviewInputException(List.of(dir + ": no such directory (expected the --out directory of meridian synth)"));
    }
    Path cdk = dir.resolve(Engine.CLOUDFORMATION.folder());
    Path terraform = dir.resolve(Engine.TERRAFORM.folder());
    boolean hasCdk = Files.isRegularFile(cdk.resolve("manifest.json"));
    boolean hasTerraform = Files.isRegularFile(terraform.resolve("manifest.json"));
    if (!hasCdk && !hasTerraform) {
      throw new ReviewInputException(List.of(
          dir + ": not a synth output (expected cdk/manifest.json and/or terraform/manifest.json)"));
    }
    List<Stack> stacks = new ArrayList<>();
    List<Resource> resources = new ArrayList<>();
    if (hasCdk) {
      CloudFormationReader.read(cdk, stacks, resources, problems);
    }
    if (hasTerraform) {
      TerraformReader.read(terraform, stacks, resources, problems);
    }
    if (!problems.isEmpty()) {
      throw new ReviewInputException(problems);
    }
    return new Inventory(stacks, resources);
  }
}
