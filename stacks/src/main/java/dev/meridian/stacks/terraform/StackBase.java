package dev.meridian.stacks.terraform;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformLocal;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.constructs.config.TagKeys;
import dev.meridian.stacks.StackMetadata;
import dev.meridian.stacks.StackPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every Meridian Terraform stack has: its AWS provider (the stack's region, the
 * deployment's placement tags as {@code default_tags}, the spec's account as the only allowed
 * one), aliased providers for other regions it reads from, its own state backend, and
 * {@code locals.meridian}.
 */
final class StackBase {

  private StackBase() {}

  /** The placement tags every resource of the stack gets through the provider's {@code default_tags}. */
  static Map<String, String> placementTags(Topology topology, StackPlan plan) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(TagKeys.DEPLOYMENT, topology.name());
    tags.put(TagKeys.SITE, plan.site().map(Site::name).orElse("global"));
    tags.put(TagKeys.JURISDICTION, plan.site().map(Site::jurisdiction).orElse("global"));
    return tags;
  }

  /** Sets up the stack; returns its default provider. */
  static AwsProvider prepare(TerraformStack stack, Topology topology, StackPlan plan, TerraformBackend backend,
      Path stackDir) {
    AwsProvider provider = provider(stack, "aws", null, plan.awsRegion(), topology, plan);
    if (backend instanceof TerraformBackend.Local local) {
      new LocalBackend(stack, LocalBackendConfig.builder()
          .path(relativeStatePath(local, stackDir, plan.name()))
          .build());
    } else if (backend instanceof TerraformBackend.S3 s3) {
      new S3Backend(stack, S3BackendConfig.builder()
          .bucket(s3.bucket())
          .key(s3.key(plan.name()))
          .region(s3.region())
          .dynamodbTable(s3.lockTable())
          .encrypt(true)
          .build());
    }
    new TerraformLocal(stack, StackMetadata.TERRAFORM_LOCAL, StackMetadata.of(topology, plan));
    return provider;
  }

  /** An AWS provider for a region; {@code alias} null for the stack's default provider. */
  static AwsProvider provider(TerraformStack stack, String id, String alias, String region, Topology topology,
      StackPlan plan) {
    AwsProviderConfig.Builder config = AwsProviderConfig.builder()
        .region(region)
        .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(placementTags(topology, plan)).build()));
    if (alias != null) {
      config.alias(alias);
    }
    plan.account().ifPresent(account -> config.allowedAccountIds(List.of(account)));
    return new AwsProvider(stack, id, config.build());
  }

  /** The state file, relative to the stack's folder (where terraform runs), with forward slashes. */
  static String relativeStatePath(TerraformBackend.Local local, Path stackDir, String stackName) {
    Path state = local.folder().toAbsolutePath().normalize().resolve(stackName + ".tfstate");
    return stackDir.toAbsolutePath().normalize().relativize(state).toString().replace('\\', '/');
  }
}
