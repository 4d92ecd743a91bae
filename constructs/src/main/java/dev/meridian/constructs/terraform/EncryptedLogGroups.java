package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroupConfig;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKeyConfig;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.LogGroupKeys;
import dev.meridian.constructs.config.LogRetention;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Log groups as Meridian keeps them, in Terraform: the twin of the CDK constructs' encrypted log
 * groups. Encrypted with their own rotated customer-managed KMS key, which the account
 * administers and only CloudWatch Logs of the region may use, for this account's log groups
 * there; kept for a retention CloudWatch Logs accepts; key and group kept on destroy
 * ({@code prevent_destroy}); tagged with the class of data they hold.
 */
final class EncryptedLogGroups {

  private EncryptedLogGroups() {}

  /** A log group {@code id} and its key {@code id + "Key"} under the scope, in {@code account} and {@code region}. */
  static CloudwatchLogGroup create(Construct scope, String id, String purpose, String account, String region,
      int retentionDays, DataClass dataClass) {
    LogRetention.requireSupported("retentionDays", retentionDays);
    TerraformResourceLifecycle keep = TerraformResourceLifecycle.builder().preventDestroy(true).build();
    KmsKey key = new KmsKey(scope, id + "Key", KmsKeyConfig.builder()
        .description(LogGroupKeys.description(purpose))
        .enableKeyRotation(true)
        .policy(PolicyDocuments.document(List.of(
            PolicyDocuments.statement(Map.of("AWS", "arn:aws:iam::" + account + ":root"), "kms:*", "*", Map.of()),
            PolicyDocuments.statement(Map.of("Service", LogGroupKeys.logsPrincipal(region)), LogGroupKeys.LOGS_ACTIONS, "*",
                Map.of("ArnLike", Map.of(LogGroupKeys.ENCRYPTION_CONTEXT_KEY,
                    "arn:aws:logs:" + region + ":" + account + ":log-group:*"))))))
        .lifecycle(keep)
        .build());
    return new CloudwatchLogGroup(scope, id, CloudwatchLogGroupConfig.builder()
        .kmsKeyId(key.getArn())
        .retentionInDays(retentionDays)
        .tags(DataClassTags.of(dataClass))
        .lifecycle(keep)
        .build());
  }
}
