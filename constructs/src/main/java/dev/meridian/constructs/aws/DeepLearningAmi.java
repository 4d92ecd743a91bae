package dev.meridian.constructs.aws;

/**
 * The AWS Deep Learning AMI (base, OSS NVIDIA driver, x86_64) a {@link GpuFleet} boots: NVIDIA
 * driver, Docker with the NVIDIA container toolkit and the AWS CLI preinstalled. The image id
 * is read from AWS's public SSM parameter when the stack deploys (a CloudFormation parameter),
 * never looked up at synth time, so each deploy picks the latest release in its region.
 */
public enum DeepLearningAmi {
  /** Ubuntu 22.04; the default. */
  UBUNTU_22_04("base-oss-nvidia-driver-gpu-ubuntu-22.04", "/dev/sda1"),
  /** Ubuntu 24.04. */
  UBUNTU_24_04("base-oss-nvidia-driver-gpu-ubuntu-24.04", "/dev/sda1"),
  /** Amazon Linux 2023. */
  AMAZON_LINUX_2023("base-oss-nvidia-driver-gpu-amazon-linux-2023", "/dev/xvda");

  private final String flavour;
  private final String rootDeviceName;

  DeepLearningAmi(String flavour, String rootDeviceName) {
    this.flavour = flavour;
    this.rootDeviceName = rootDeviceName;
  }

  /** The public SSM parameter holding the latest image id, e.g. {@code /aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id}. */
  public String ssmParameter() {
    return "/aws/service/deeplearning/ami/x86_64/" + flavour + "/latest/ami-id";
  }

  /** The device name of the image's root volume. */
  public String rootDeviceName() {
    return rootDeviceName;
  }
}
