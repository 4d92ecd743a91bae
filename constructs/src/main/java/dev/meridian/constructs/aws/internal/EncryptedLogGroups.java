package dev.meridian.constructs.aws.internal;

import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.LogGroupKeys;
import dev.meridian.constructs.config.LogRetention;
import dev.meridian.constructs.config.TagKeys;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Log groups as Meridian keeps them, for every construct: encrypted with a customer-managed KMS
 * key (rotated) that only CloudWatch Logs of the stack's own account and region may use, a
 * retention CloudWatch Logs accepts, kept with their key on stack deletion, tagged with the class
 * of data they hold.
 */
public final class EncryptedLogGroups {

  private EncryptedLogGroups() {}

  /** A log group {@code id} and its key {@code id + "Key"} under the scope. */
  public static LogGroup create(Construct scope, String id, String purpose, int retentionDays, DataClass dataClass) {
    Key key = Key.Builder.create(scope, id + "Key")
        .description(LogGroupKeys.description(purpose))
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    key.addToResourcePolicy(PolicyStatement.Builder.create()
        .principals(List.of(new ServicePrincipal(LogGroupKeys.logsPrincipal(Stack.of(scope).getRegion()))))
        .actions(LogGroupKeys.LOGS_ACTIONS)
        .resources(List.of("*"))
        .conditions(Map.of("ArnLike", Map.of(LogGroupKeys.ENCRYPTION_CONTEXT_KEY,
            Stack.of(scope).formatArn(ArnComponents.builder()
                .service("logs").resource("log-group").resourceName("*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()))))
        .build());
    LogGroup logGroup = LogGroup.Builder.create(scope, id)
        .encryptionKey(key)
        .retention(retention(retentionDays))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Tags.of(logGroup).add(TagKeys.DATA_CLASS, dataClass.tagValue());
    return logGroup;
  }

  /** CDK's retention constant for a number of days CloudWatch Logs supports. */
  public static RetentionDays retention(int days) {
    LogRetention.requireSupported("retentionDays", days);
    return RetentionDays.values()[LogRetention.SUPPORTED_DAYS.indexOf(days)];
  }
}
