package dev.meridian.constructs.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.meridian.constructs.config.PinnedVersion;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.s3.Bucket;

class GpuFleetTest {

  private static Template template;

  @BeforeAll
  static void synth() {
    App app = new App();
    Stack stack = new Stack(app, "Fleet", StackProps.builder()
        .env(Environment.builder().region("eu-west-2").build()).build());
    RegionNetwork network = RegionNetwork.Builder.create(stack, "Network").build();
    GpuFleet.Builder.create(stack, "Fleet")
        .vpc(network.getVpc())
        .instanceType(GpuInstanceType.G6E_XLARGE)
        .minCapacity(0)
        .maxCapacity(3)
        .modelName("meta-llama/Llama-3.1-8B-Instruct")
        .artifactBucket(Bucket.fromBucketName(stack, "Artifacts", "acme-artifacts"))
        .artifactPrefix("models/llama-3.1-8b/")
        .modelVersion(PinnedVersion.fromParameter("/meridian/chat/model-version"))
        .domainName("api.example.com")
        .hostedZone(HostedZone.fromHostedZoneAttributes(stack, "Zone", HostedZoneAttributes.builder()
            .hostedZoneId("Z0123456789ABC").zoneName("example.com").build()))
        .build();
    template = Template.fromStack(stack);
  }

  @Test
  void pilotLightAllowsZeroInstances() {
    template.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("MinSize", "0", "MaxSize", "3"));
  }

  @Test
  void instancesRequireImdsV2AndEncryptedRootVolume() {
    template.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Map.of(
        "InstanceType", "g6e.xlarge",
        "MetadataOptions", Map.of("HttpTokens", "required"),
        "BlockDeviceMappings", java.util.List.of(Map.of("DeviceName", "/dev/sda1",
            "Ebs", Map.of("Encrypted", true, "VolumeSize", 200, "VolumeType", "gp3"))))));
  }

  @Test
  void httpsListenerServesTheCertificate() {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 443, "Protocol", "HTTPS"));
    template.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of("DomainName", "api.example.com"));
  }

  @Test
  void idleTimeoutSuitsStreamedCompletions() {
    assertThat(template.toJSON().toString()).contains("idle_timeout.timeout_seconds");
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup",
        Map.of("HealthCheckPath", "/health", "Port", 8000));
  }

  @Test
  void checksAreTheSharedOnesWithTheirMessagesAndTheEngineOnesStayHere() {
    assertThat(rejection(b -> b.minCapacity(5).maxCapacity(2)))
        .isEqualTo("maxCapacity (2) must be ≥ 1 and ≥ minCapacity (5)");
    assertThat(rejection(b -> b.healthPath("health"))).isEqualTo("healthPath: 'health' must start with '/'");
    assertThat(rejection(b -> b.warmUpSeconds(-1))).isEqualTo("warmUpSeconds: -1 must be between 0 and 7200");
    assertThat(rejection(b -> b.rootVolumeGiB(16385))).isEqualTo("rootVolumeGiB: 16385 must be between 30 and 16384");
    assertThat(rejection(b -> b.vpc(null))).isEqualTo("vpc: missing; pass the region's VPC (e.g. RegionNetwork.getVpc())");
    assertThat(rejection(b -> b.artifactBucket(null)))
        .isEqualTo("artifactBucket: missing; pass the bucket holding model artifacts");
    assertThat(rejection(b -> b.domainName("api.example.com")))
        .isEqualTo("certificate: given together with domainName/hostedZone; pass either a certificate or both of those");
    assertThat(rejection(b -> b.certificate(null)))
        .isEqualTo("certificate: missing; pass a certificate, or domainName and hostedZone to create a DNS-validated one");
  }

  /** The message a valid builder (with a certificate), changed by {@code change}, is rejected with. */
  private static String rejection(UnaryOperator<GpuFleet.Builder> change) {
    Stack stack = new Stack(new App(), "Rejected", StackProps.builder()
        .env(Environment.builder().region("eu-west-2").build()).build());
    GpuFleet.Builder valid = GpuFleet.Builder.create(stack, "Fleet")
        .vpc(RegionNetwork.Builder.create(stack, "Network").build().getVpc())
        .modelName("m")
        .artifactBucket(Bucket.fromBucketName(stack, "Artifacts", "acme-artifacts"))
        .artifactPrefix("p/")
        .modelVersion(PinnedVersion.of("v1"))
        .certificate(Certificate.fromCertificateArn(stack, "Certificate",
            "arn:aws:acm:eu-west-2:111111111111:certificate/x"));
    GpuFleet.Builder changed = change.apply(valid);
    return assertThrows(IllegalArgumentException.class, changed::build).getMessage();
  }
}
