package dev.meridian.constructs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QdrantNodeUserDataTest {

  private static final QdrantConfig CONFIG = new QdrantConfig(new QdrantCollectionDefaults(6, 2, 1));

  private static QdrantNodeUserData node(int index) {
    return new QdrantNodeUserData(index, "qdrant/qdrant:v1.12.4", "qdrant.chat.internal", "Z0123456789",
        "vol-0123456789abcdef0", "arn:aws:secretsmanager:eu-west-2:111111111111:secret:api-AbCdEf",
        "arn:aws:secretsmanager:eu-west-2:111111111111:secret:ro-AbCdEf",
        "arn:aws:secretsmanager:eu-west-2:111111111111:secret:ca-AbCdEf", "/meridian/chat/qdrant/ca-certificate",
        "chat-uk-vectors-111111111111-eu-west-2", "*-*-* 03:17:00", "/meridian/qdrant", CONFIG);
  }

  @Test
  void scriptIsValidBash() throws IOException, InterruptedException {
    for (int index : new int[] {1, 2}) {
      Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
      bash.getOutputStream().write(node(index).script().getBytes(StandardCharsets.UTF_8));
      bash.getOutputStream().close();
      String errors = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(bash.waitFor()).as(errors).isZero();
    }
  }

  @Test
  void nodeOneStartsTheClusterUnderItsOwnName() {
    assertThat(node(1).script()).contains("--entrypoint ./qdrant 'qdrant/qdrant:v1.12.4' --uri 'https://node-1.qdrant.chat.internal:6335'\n")
        .doesNotContain("--bootstrap");
  }

  @Test
  void otherNodesAdvertiseTheirNameAndJoinNodeOne() {
    assertThat(node(3).script()).contains("--uri 'https://node-3.qdrant.chat.internal:6335'"
        + " --bootstrap 'https://node-1.qdrant.chat.internal:6335'\n");
  }

  @Test
  void onlyNodeOneCreatesTheCertificateAuthority() {
    assertThat(node(1).script()).contains("openssl req -x509");
    assertThat(node(2).script()).doesNotContain("openssl req -x509").contains("until secret \"$CA_SECRET\"");
  }

  @Test
  void keysAreReadAtBootIntoARootOnlyFile() {
    String script = node(1).script();
    assertThat(script).contains("umask 077", "QDRANT__SERVICE__API_KEY \"$(secret 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:api-AbCdEf')\"",
        ">/etc/qdrant/keys.env", "--env-file /etc/qdrant/keys.env");
  }

  @Test
  void dataVolumeIsFormattedOnlyWhenEmpty() {
    assertThat(node(1).script()).contains("blkid \"$DEVICE\" >/dev/null || mkfs.xfs \"$DEVICE\"",
        "--volume-id \"$VOLUME_ID\"", "VOLUME_ID='vol-0123456789abcdef0'");
  }

  @Test
  void snapshotsGoToTheRegionsNodeFolderOnSchedule() {
    String script = node(2).script();
    assertThat(script).contains("'s3://chat-uk-vectors-111111111111-eu-west-2/'\"$REGION\"'/node-2/'",
        "OnCalendar=%s", "'*-*-* 03:17:00' >/etc/systemd/system/qdrant-snapshot.timer");
  }

  @Test
  void caCertificateIsPublishedWithoutItsKey() {
    assertThat(node(1).script()).contains("--name '/meridian/chat/qdrant/ca-certificate' --value \"file:///var/lib/qdrant/tls/ca.pem\"");
  }

  @Test
  void scheduleThatIsNotACalendarExpressionIsRefused() {
    assertThatThrownBy(() -> new QdrantNodeUserData(1, "qdrant/qdrant:v1.12.4", "qdrant.chat.internal", "Z", "vol", "a", "b",
        "c", "/p", "bucket", "daily; rm -rf /", "/logs", CONFIG))
        .hasMessageStartingWith("snapshotSchedule: 'daily; rm -rf /' is not a systemd calendar expression");
  }
}
