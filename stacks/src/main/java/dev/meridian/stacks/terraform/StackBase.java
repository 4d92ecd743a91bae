package dev.meridian.stacks.terraform;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformLocal;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateTagSpecifications;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.constructs.config.TagKeys;
import dev.meridian.stacks.StackMetadata;
import dev.meridian.stacks.StackPlan;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.IConstruct;

/**
 * What every Meridian Terraform stack has: its AWS provider (the stack's region, the spec's
 * account as the only allowed one), aliased providers for other regions it reads from, its own
 * state backend, {@code locals.meridian}, and the placement tags on every taggable resource.
 */
final class StackBase {

  private StackBase() {}

  /** The placement tags every taggable resource of the stack carries. */
  static Map<String, String> placementTags(Topology topology, StackPlan plan) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(TagKeys.DEPLOYMENT, topology.name());
    tags.put(TagKeys.SITE, plan.site().map(Site::name).orElse("global"));
    tags.put(TagKeys.JURISDICTION, plan.site().map(Site::jurisdiction).orElse("global"));
    return tags;
  }

  /** Sets up the stack's default provider, backend and {@code locals.meridian}. */
  static void prepare(TerraformStack stack, Topology topology, StackPlan plan, TerraformBackend backend,
      int levelsToStateBase) {
    provider(stack, "aws", null, plan.awsRegion(), plan);
    if (backend instanceof TerraformBackend.Local local) {
      new LocalBackend(stack, LocalBackendConfig.builder()
          .path(statePath(local, levelsToStateBase, plan.name()))
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
  }

  /** An AWS provider for a region; {@code alias} null for the stack's default provider. */
  static AwsProvider provider(TerraformStack stack, String id, String alias, String region, StackPlan plan) {
    AwsProviderConfig.Builder config = AwsProviderConfig.builder().region(region);
    if (alias != null) {
      config.alias(alias);
    }
    plan.account().ifPresent(account -> config.allowedAccountIds(List.of(account)));
    return new AwsProvider(stack, id, config.build());
  }

  /**
   * Writes the placement tags into the {@code tags} of every taggable resource of the stack (and
   * into launch templates' instance and volume tags), beside the data class a construct set. In
   * each resource's own {@code tags}, not the provider's {@code default_tags}, so a reader of the
   * JSON sees every resource's tags where it is.
   */
  static void tagAll(TerraformStack stack, Map<String, String> placement) {
    for (IConstruct node : stack.getNode().findAll()) {
      if (node instanceof TerraformResource resource) {
        tag(resource, placement);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void tag(TerraformResource resource, Map<String, String> placement) {
    Method setter;
    Method getter;
    try {
      setter = resource.getClass().getMethod("setTags", Map.class);
      getter = resource.getClass().getMethod("getTagsInput");
    } catch (NoSuchMethodException untaggable) {
      return;
    }
    try {
      Map<String, String> tags = new TreeMap<>(placement);
      Map<String, String> own = (Map<String, String>) getter.invoke(resource);
      if (own != null) {
        tags.putAll(own);
      }
      setter.invoke(resource, tags);
      if (resource instanceof LaunchTemplate template) {
        template.putTagSpecifications(List.of(
            LaunchTemplateTagSpecifications.builder().resourceType("instance").tags(tags).build(),
            LaunchTemplateTagSpecifications.builder().resourceType("volume").tags(tags).build()));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot tag " + resource.getNode().getPath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The state file as the stack's folder (where terraform runs) sees it, with forward slashes: an
   * absolute folder as given; a relative one taken from the folder that holds the synth output, so
   * the path is the same wherever the output is written (same spec, same bytes).
   */
  static String statePath(TerraformBackend.Local local, int levelsToStateBase, String stackName) {
    String file = local.folder().resolve(stackName + ".tfstate").normalize().toString().replace('\\', '/');
    return local.folder().isAbsolute() ? file : "../".repeat(levelsToStateBase) + file;
  }
}
