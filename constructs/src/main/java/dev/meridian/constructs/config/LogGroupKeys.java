package dev.meridian.constructs.config;

import java.util.List;

/**
 * What the customer-managed KMS key of a Meridian log group grants CloudWatch Logs, the same for
 * both engines: these actions, to the regional Logs service principal, only for this account's
 * log groups in the region (the {@value #ENCRYPTION_CONTEXT_KEY} condition).
 */
public final class LogGroupKeys {

  /** The KMS actions CloudWatch Logs needs to encrypt and read a log group's events. */
  public static final List<String> LOGS_ACTIONS =
      List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*");
  /** The encryption context key that names the log group using the key. */
  public static final String ENCRYPTION_CONTEXT_KEY = "kms:EncryptionContext:aws:logs:arn";

  private LogGroupKeys() {}

  /** The CloudWatch Logs service principal of a region, e.g. {@code logs.eu-west-2.amazonaws.com}. */
  public static String logsPrincipal(String region) {
    return "logs." + region + ".amazonaws.com";
  }

  /** The key's description: {@code Encrypts the <purpose> log group}. */
  public static String description(String purpose) {
    return "Encrypts the " + purpose + " log group";
  }
}
