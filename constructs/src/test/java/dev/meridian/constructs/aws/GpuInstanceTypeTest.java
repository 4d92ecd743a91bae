package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NVIDIA x86_64 G, Gr and P types are accepted; AMD-GPU, Graviton and non-GPU types are refused. */
class GpuInstanceTypeTest {

  @ParameterizedTest
  @ValueSource(strings = {"g4dn.xlarge", "g5.48xlarge", "g6.xlarge", "g6e.12xlarge", "g6f.large", "gr6.4xlarge",
      "p4d.24xlarge", "p4de.24xlarge", "p5.48xlarge", "p5en.48xlarge", "p6-b200.48xlarge", "g4dn.metal"})
  void nvidiaX86TypesAreAccepted(String name) {
    assertThat(GpuInstanceType.of(name).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"g4ad.xlarge", "g5g.xlarge"})
  void typesTheDeepLearningAmisCannotBootAreRefused(String name) {
    assertThatThrownBy(() -> GpuInstanceType.of(name))
        .hasMessageStartingWith("instanceType: '" + name + "' is ")
        .hasMessageEndingWith("the fleet boots x86_64 NVIDIA Deep Learning AMIs, so use e.g. g6.xlarge");
  }

  @ParameterizedTest
  @ValueSource(strings = {"m7i.xlarge", "inf2.xlarge", "trn1.2xlarge", "g6", "G6.xlarge", ""})
  void nonGpuTypesAreRefused(String name) {
    assertThatThrownBy(() -> GpuInstanceType.of(name)).hasMessageContaining("is not a GPU instance type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"g5g.xlarge"})
  void gravitonIsNamedAsSuch(String name) {
    assertThatThrownBy(() -> GpuInstanceType.of(name)).hasMessageContaining("Graviton (arm64)");
  }
}
