package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_random_password.DataAwsSecretsmanagerRandomPassword;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_random_password.DataAwsSecretsmanagerRandomPasswordConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecretConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersionConfig;
import dev.meridian.constructs.config.DataClass;
import java.util.List;
import software.constructs.Construct;

/**
 * A named Secrets Manager secret whose value Secrets Manager generates (letters and digits) at the
 * first plan: the value never appears in the Terraform JSON, and later plans ignore it, so it is
 * set once and kept (rotation is a runbook's business).
 *
 * @param secret  the secret {@code id}
 * @param version its first version {@code id + "Version"}: depend on it to use the value
 */
record GeneratedSecret(SecretsmanagerSecret secret, SecretsmanagerSecretVersion version) {

  /** The secret {@code id} under {@code scope}, its value {@code length} characters, tagged with {@code dataClass}. */
  static GeneratedSecret create(Construct scope, String id, String name, String description, DataClass dataClass, int length) {
    SecretsmanagerSecret secret = new SecretsmanagerSecret(scope, id, SecretsmanagerSecretConfig.builder()
        .name(name)
        .description(description)
        .tags(DataClassTags.of(dataClass))
        .build());
    DataAwsSecretsmanagerRandomPassword value = new DataAwsSecretsmanagerRandomPassword(scope, id + "Value",
        DataAwsSecretsmanagerRandomPasswordConfig.builder().passwordLength(length).excludePunctuation(true).build());
    SecretsmanagerSecretVersion version = new SecretsmanagerSecretVersion(scope, id + "Version",
        SecretsmanagerSecretVersionConfig.builder()
            .secretId(secret.getId())
            .secretString(value.getRandomPassword())
            .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("secret_string")).build())
            .build());
    return new GeneratedSecret(secret, version);
  }
}
