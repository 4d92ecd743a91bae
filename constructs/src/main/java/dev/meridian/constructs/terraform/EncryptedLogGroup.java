package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroupConfig;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKeyConfig;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.LogEncryptionKey;
import dev.meridian.constructs.config.LogRetention;
import software.constructs.Construct;

/**
 * A log group encrypted with its own rotated KMS key that only CloudWatch Logs of the region may
 * use for the account's log groups there, kept for a retention CloudWatch Logs accepts, guarded
 * with its key by {@code prevent_destroy}, and tagged with the class of data it holds: the
 * Terraform form of the CDK constructs' {@code OpsLogGroups}.
 */
final class EncryptedLogGroup {

  private EncryptedLogGroup() {}

  /** A log group {@code id} with its key {@code id + "Key"} under {@code scope}, in {@code account}'s {@code region}. */
  static CloudwatchLogGroup create(Construct scope, String id, String purpose, String account, String region,
      int retentionDays, DataClass dataClass) {
    LogRetention.requireSupported("retentionDays", retentionDays);
    TerraformResourceLifecycle kept = TerraformResourceLifecycle.builder().preventDestroy(true).build();
    KmsKey key = new KmsKey(scope, id + "Key", KmsKeyConfig.builder()
        .description("Encrypts the " + purpose + " log group")
        .enableKeyRotation(true)
        .policy(PolicyDocuments.keyPolicy(account, LogEncryptionKey.servicePrincipal(region),
            LogEncryptionKey.SERVICE_ACTIONS, LogEncryptionKey.CONTEXT_KEY,
            "arn:aws:logs:" + region + ":" + account + ":log-group:*"))
        .lifecycle(kept)
        .build());
    return new CloudwatchLogGroup(scope, id, CloudwatchLogGroupConfig.builder()
        .kmsKeyId(key.getArn())
        .retentionInDays(retentionDays)
        .tags(DataClassTags.of(dataClass))
        .lifecycle(kept)
        .build());
  }
}
