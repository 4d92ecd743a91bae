package dev.meridian.constructs.aws;

import java.util.regex.Pattern;

/**
 * An EC2 instance type with NVIDIA GPUs that a {@link GpuFleet} runs on, e.g. {@code g6e.xlarge}:
 * a G or P family ({@code g5}, {@code g6}, {@code g6e}, {@code p4d}, {@code p5}, …) and a size.
 * Which regions offer a type is the caller's concern (Meridian's catalog warns at validate time).
 *
 * @param name the EC2 name, e.g. {@code g6.xlarge}
 */
public record GpuInstanceType(String name) {

  private static final Pattern GPU_TYPE = Pattern.compile("[gp][0-9][a-z0-9-]*\\.[0-9]*(x?large|metal[a-z0-9-]*)");

  /** NVIDIA A10G, 24 GB: 7–8B models. */
  public static final GpuInstanceType G5_XLARGE = new GpuInstanceType("g5.xlarge");
  /** NVIDIA L4, 24 GB: 7–8B models; the default. */
  public static final GpuInstanceType G6_XLARGE = new GpuInstanceType("g6.xlarge");
  /** NVIDIA L40S, 48 GB: up to ~30B models quantized. */
  public static final GpuInstanceType G6E_XLARGE = new GpuInstanceType("g6e.xlarge");
  /** 8 × NVIDIA A100 40 GB. */
  public static final GpuInstanceType P4D_24XLARGE = new GpuInstanceType("p4d.24xlarge");
  /** 8 × NVIDIA H100 80 GB. */
  public static final GpuInstanceType P5_48XLARGE = new GpuInstanceType("p5.48xlarge");

  public GpuInstanceType {
    if (name == null || !GPU_TYPE.matcher(name).matches()) {
      throw new IllegalArgumentException("instanceType: '" + name
          + "' is not a GPU instance type; use a G or P family type such as g6.xlarge or p5.48xlarge");
    }
  }

  /** The type of this name, e.g. {@code GpuInstanceType.of("g6e.2xlarge")}. */
  public static GpuInstanceType of(String name) {
    return new GpuInstanceType(name);
  }

  /** The family, e.g. {@code g6e} for {@code g6e.xlarge}. */
  public String family() {
    return name.substring(0, name.indexOf('.'));
  }
}
