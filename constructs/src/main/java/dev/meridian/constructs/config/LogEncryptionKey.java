package dev.meridian.constructs.config;

import java.util.List;

/**
 * What the KMS key of an encrypted log group lets CloudWatch Logs do, on both engines: the
 * regional Logs service may use the key for the account's log groups in that region only (the
 * condition on {@link #CONTEXT_KEY}).
 */
public final class LogEncryptionKey {

  /** The key actions CloudWatch Logs needs. */
  public static final List<String> SERVICE_ACTIONS =
      List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*");
  /** The encryption context key naming the log group; the key policy limits it with {@code ArnLike}. */
  public static final String CONTEXT_KEY = "kms:EncryptionContext:aws:logs:arn";

  private LogEncryptionKey() {}

  /** The CloudWatch Logs service principal of {@code region}. */
  public static String servicePrincipal(String region) {
    return "logs." + region + ".amazonaws.com";
  }
}
