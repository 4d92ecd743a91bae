package dev.meridian.constructs.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EC2 instance type with NVIDIA GPUs and x86_64 CPUs that a {@link GpuFleet} runs on, e.g.
 * {@code g6e.xlarge}: a G, Gr or P family ({@code g4dn}, {@code g5}, {@code g6}, {@code g6e},
 * {@code gr6}, {@code p4d}, {@code p5}, {@code p5en}, …) and a size. AMD-GPU families
 * ({@code g4ad}) and Graviton ones ({@code g5g}) are refused: the Deep Learning AMIs a fleet boots
 * are x86_64 with NVIDIA drivers. Which regions offer a type is the caller's concern (Meridian's
 * catalog warns at validate time).
 *
 * @param name the EC2 name, e.g. {@code g6.xlarge}
 */
public record GpuInstanceType(String name) {

  private static final Pattern GPU_TYPE = Pattern.compile("(g|gr|p)[0-9]+([a-z]*)(-[a-z0-9]+)?\\.[0-9]*(x?large|metal[a-z0-9-]*)");
  /** Attribute letters of NVIDIA x86_64 families: local NVMe (d), network (n), memory (e), fractional GPU (f). */
  private static final Pattern NVIDIA_X86_ATTRIBUTES = Pattern.compile("[defn]*");

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
    Matcher type = name == null ? null : GPU_TYPE.matcher(name);
    if (type == null || !type.matches()) {
      throw new IllegalArgumentException("instanceType: '" + name
          + "' is not a GPU instance type; use a G or P family type such as g6.xlarge or p5.48xlarge");
    }
    if (!NVIDIA_X86_ATTRIBUTES.matcher(type.group(2)).matches()) {
      throw new IllegalArgumentException("instanceType: '" + name + "' is " + (type.group(2).contains("g") ? "a Graviton (arm64)"
          : "an AMD-GPU") + " type; the fleet boots x86_64 NVIDIA Deep Learning AMIs, so use e.g. g6.xlarge");
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
