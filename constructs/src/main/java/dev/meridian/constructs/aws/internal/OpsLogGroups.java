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
 * The log groups of the operations constructs: encrypted with their own rotated KMS key that
 * only CloudWatch Logs of the stack's region may use for this account's log groups, kept for
 * a retention CloudWatch Logs accepts, retained on stack deletion with their key, and tagged
 * with the class of data they hold.
 */
public final class OpsLogGroups {

  private OpsLogGroups() {}

  /** A log group {@code id} with its key {@code id + "Key"} under {@code scope}. */
  public static LogGroup encrypted(Construct scope, String id, String purpose, int retentionDays, DataClass dataClass) {
    LogRetention.requireSupported("retentionDays", retentionDays);
    Stack stack = Stack.of(scope);
    Key key = Key.Builder.create(scope, id + "Key")
        .description(LogGroupKeys.description(purpose))
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    key.addToResourcePolicy(PolicyStatement.Builder.create()
        .principals(List.of(new ServicePrincipal(LogGroupKeys.logsPrincipal(stack.getRegion()))))
        .actions(LogGroupKeys.LOGS_ACTIONS)
        .resources(List.of("*"))
        .conditions(Map.of("ArnLike", Map.of(LogGroupKeys.ENCRYPTION_CONTEXT_KEY, stack.formatArn(ArnComponents.builder()
            .service("logs").resource("log-group").resourceName("*").arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()))))
        .build());
    LogGroup logGroup = LogGroup.Builder.create(scope, id)
        .encryptionKey(key)
        .retention(RetentionDays.values()[LogRetention.SUPPORTED_DAYS.indexOf(retentionDays)])
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Tags.of(logGroup).add(TagKeys.DATA_CLASS, dataClass.tagValue());
    return logGroup;
  }
}
