package dev.meridian.constructs.config;

import java.util.regex.Pattern;

/**
 * The boot script of one node of a Qdrant cluster on Amazon Linux 2023. In order, it:
 * publishes the node's stable name ({@code node-<n>.<zone>}) and its share of the client name
 * ({@code <zone>}, a multivalue record with one answer per node) in a private hosted zone;
 * attaches the node's own data volume, formatting it only if it has no file system yet, and
 * mounts it at {@value #DATA_DIR}; reads the API keys from Secrets Manager into a root-only
 * environment file; obtains the cluster's certificate authority from Secrets Manager (node 1
 * creates it on the cluster's first boot, the others wait for it), publishes the CA
 * certificate (never its key) in an SSM parameter for clients, and signs a certificate for
 * its names; runs Qdrant in distributed mode (node 1 with {@code --uri}, the others also with
 * {@code --bootstrap} towards node 1); and installs a systemd timer that snapshots every
 * collection on the node and copies the snapshots to S3 under {@code <region>/node-<n>/}.
 *
 * <p>No key is in the script: it holds only secret ARNs. Every value is shell-quoted, so
 * engine tokens resolve inside the quotes.
 *
 * @param nodeIndex         1-based index of the node; node 1 starts the cluster
 * @param image             Qdrant container image, e.g. {@code qdrant/qdrant:v1.12.4}
 * @param zoneName          private hosted zone name, e.g. {@code qdrant.chat.internal}; also the client name
 * @param hostedZoneId      id of that zone
 * @param volumeId          the node's EBS data volume
 * @param apiKeySecret      ARN of the secret holding the read-write API key (plain string)
 * @param readOnlyKeySecret ARN of the secret holding the read-only API key (plain string)
 * @param authoritySecret   ARN of the secret holding the cluster CA as JSON {@code {"cert","key"}}
 * @param authorityCertificateParameter name of the SSM parameter where the node publishes the
 *                          CA certificate (no key) for clients to verify the cluster with
 * @param snapshotBucket    name of the bucket receiving snapshots
 * @param snapshotSchedule  systemd calendar expression for snapshots, e.g. {@code *-*-* 03:17:00}
 * @param logGroupName      CloudWatch log group receiving Qdrant's output
 * @param config            the node configuration
 */
public record QdrantNodeUserData(
    int nodeIndex,
    String image,
    String zoneName,
    String hostedZoneId,
    String volumeId,
    String apiKeySecret,
    String readOnlyKeySecret,
    String authoritySecret,
    String authorityCertificateParameter,
    String snapshotBucket,
    String snapshotSchedule,
    String logGroupName,
    QdrantConfig config) {

  /** Where the data volume is mounted on the host. */
  public static final String DATA_DIR = "/var/lib/qdrant";
  /** The device name the data volume is attached as. */
  public static final String DATA_DEVICE = "/dev/sdf";
  /** The name of the Qdrant container. */
  public static final String CONTAINER_NAME = "qdrant";

  private static final Pattern CALENDAR = Pattern.compile("[A-Za-z0-9*:,./ ~-]{1,100}");
  private static final Pattern ZONE = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  public QdrantNodeUserData {
    if (nodeIndex < 1) {
      throw new IllegalArgumentException("nodeIndex: " + nodeIndex + " must be ≥ 1");
    }
    if (image == null || image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("image: '" + image + "' must be one word, e.g. qdrant/qdrant:v1.12.4");
    }
    if (zoneName == null || !ZONE.matcher(zoneName).matches()) {
      throw new IllegalArgumentException("zoneName: '" + zoneName
          + "' is not a DNS name; use lower-case labels separated by dots, e.g. qdrant.chat.internal");
    }
    if (snapshotSchedule == null || !CALENDAR.matcher(snapshotSchedule).matches()) {
      throw new IllegalArgumentException("snapshotSchedule: '" + snapshotSchedule
          + "' is not a systemd calendar expression; use e.g. '*-*-* 03:17:00' or 'hourly'");
    }
    requireText("hostedZoneId", hostedZoneId);
    requireText("volumeId", volumeId);
    requireText("apiKeySecret", apiKeySecret);
    requireText("readOnlyKeySecret", readOnlyKeySecret);
    requireText("authoritySecret", authoritySecret);
    requireText("authorityCertificateParameter", authorityCertificateParameter);
    requireText("snapshotBucket", snapshotBucket);
    requireText("logGroupName", logGroupName);
    if (config == null) {
      throw new IllegalArgumentException("config: missing; pass the cluster's QdrantConfig");
    }
  }

  /** The stable DNS name of node {@code index} in {@code zoneName}: {@code node-2.qdrant.chat.internal}. */
  public static String nodeName(String zoneName, int index) {
    return "node-" + index + "." + zoneName;
  }

  /** The peer-to-peer URI of node {@code index}: {@code https://node-1.qdrant.chat.internal:6335}. */
  public static String peerUri(String zoneName, int index) {
    return "https://" + nodeName(zoneName, index) + ":" + QdrantConfig.P2P_PORT;
  }

  /** The bash script, lines joined with '\n', ending with a newline. */
  public String script() {
    String nodeName = nodeName(zoneName, nodeIndex);
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/bash\n");
    s.append("set -euo pipefail\n");
    s.append("exec >>/var/log/meridian-boot.log 2>&1\n");
    s.append("umask 077\n");
    s.append("IMDS_TOKEN=\"$(curl -fsS -X PUT http://169.254.169.254/latest/api/token"
        + " -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')\"\n");
    s.append("imds() { curl -fsS -H \"X-aws-ec2-metadata-token: $IMDS_TOKEN\""
        + " \"http://169.254.169.254/latest/meta-data/$1\"; }\n");
    s.append("REGION=\"$(imds placement/region)\"\n");
    s.append("INSTANCE_ID=\"$(imds instance-id)\"\n");
    s.append("PRIVATE_IP=\"$(imds local-ipv4)\"\n");
    s.append("NODE_NAME=").append(q(nodeName)).append('\n');
    s.append("CLIENT_NAME=").append(q(zoneName)).append('\n');
    s.append("VOLUME_ID=").append(q(volumeId)).append('\n');
    s.append("dnf install -y --quiet docker jq openssl\n");
    s.append("systemctl enable --now docker\n");

    s.append("# identity: this node's name and its answer under the client name\n");
    s.append("aws route53 change-resource-record-sets --hosted-zone-id ").append(q(hostedZoneId))
        .append(" --change-batch \"$(jq -cn --arg node \"$NODE_NAME\" --arg client \"$CLIENT_NAME\""
            + " --arg ip \"$PRIVATE_IP\" --arg id ").append(q("node-" + nodeIndex))
        .append(" '{Changes:[{Action:\"UPSERT\",ResourceRecordSet:{Name:$node,Type:\"A\",TTL:10,"
            + "ResourceRecords:[{Value:$ip}]}},{Action:\"UPSERT\",ResourceRecordSet:{Name:$client,Type:\"A\","
            + "TTL:10,SetIdentifier:$id,MultiValueAnswer:true,ResourceRecords:[{Value:$ip}]}}]}')\"\n");

    s.append("# data volume: kept across instance replacement; the previous instance may still hold it\n");
    s.append("until aws ec2 attach-volume --region \"$REGION\" --volume-id \"$VOLUME_ID\" --instance-id \"$INSTANCE_ID\""
        + " --device ").append(DATA_DEVICE).append("; do sleep 10; done\n");
    s.append("DEVICE=\"/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_${VOLUME_ID//-/}\"\n");
    s.append("until [ -e \"$DEVICE\" ]; do sleep 2; done\n");
    s.append("blkid \"$DEVICE\" >/dev/null || mkfs.xfs \"$DEVICE\"\n");
    s.append("mkdir -p ").append(DATA_DIR).append('\n');
    s.append("echo \"$DEVICE ").append(DATA_DIR).append(" xfs defaults,nofail 0 2\" >>/etc/fstab\n");
    s.append("mount ").append(DATA_DIR).append('\n');
    s.append("mkdir -p ").append(DATA_DIR).append("/storage ").append(DATA_DIR).append("/snapshots ")
        .append(DATA_DIR).append("/tls /etc/qdrant\n");

    s.append("# keys: read at boot, never written into user data\n");
    s.append("secret() { aws secretsmanager get-secret-value --region \"$REGION\" --secret-id \"$1\""
        + " --query SecretString --output text; }\n");
    s.append("printf '%s=%s\\n' ").append(QdrantConfig.API_KEY_VARIABLE).append(" \"$(secret ")
        .append(q(apiKeySecret)).append(")\" ").append(QdrantConfig.READ_ONLY_API_KEY_VARIABLE)
        .append(" \"$(secret ").append(q(readOnlyKeySecret)).append(")\" >/etc/qdrant/keys.env\n");

    s.append("# TLS: one certificate authority per cluster, created by node 1 on the first boot\n");
    s.append("CA_SECRET=").append(q(authoritySecret)).append('\n');
    if (nodeIndex == 1) {
      s.append("if ! secret \"$CA_SECRET\" | jq -e '.cert' >/dev/null; then\n");
      s.append("  openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj '/CN=qdrant-cluster-ca'"
          + " -keyout /root/ca.key -out /root/ca.pem\n");
      s.append("  jq -n --rawfile cert /root/ca.pem --rawfile key /root/ca.key '{cert:$cert,key:$key}' >/root/ca.json\n");
      s.append("  aws secretsmanager put-secret-value --region \"$REGION\" --secret-id \"$CA_SECRET\""
          + " --secret-string file:///root/ca.json\n");
      s.append("  rm -f /root/ca.json /root/ca.key /root/ca.pem\n");
      s.append("fi\n");
    }
    s.append("until secret \"$CA_SECRET\" | jq -e '.cert' >/dev/null; do sleep 10; done\n");
    s.append("secret \"$CA_SECRET\" | jq -r '.cert' >").append(DATA_DIR).append("/tls/ca.pem\n");
    s.append("secret \"$CA_SECRET\" | jq -r '.key' >/root/ca.key\n");
    s.append("aws ssm put-parameter --region \"$REGION\" --overwrite --type String --name ")
        .append(q(authorityCertificateParameter)).append(" --value \"file://").append(DATA_DIR).append("/tls/ca.pem\"\n");
    s.append("openssl req -newkey rsa:3072 -nodes -subj \"/CN=$NODE_NAME\" -keyout ").append(DATA_DIR)
        .append("/tls/key.pem -out /root/node.csr\n");
    s.append("printf 'subjectAltName=DNS:%s,DNS:%s,IP:%s\\n' \"$NODE_NAME\" \"$CLIENT_NAME\" \"$PRIVATE_IP\" >/root/node.ext\n");
    s.append("openssl x509 -req -in /root/node.csr -CA ").append(DATA_DIR).append("/tls/ca.pem -CAkey /root/ca.key"
        + " -CAcreateserial -days 825 -extfile /root/node.ext -out ").append(DATA_DIR).append("/tls/cert.pem\n");
    s.append("rm -f /root/ca.key /root/node.csr /root/node.ext\n");

    s.append("cat >/etc/qdrant/config.yaml <<'MERIDIAN_QDRANT_CONFIG'\n");
    s.append(config.yaml());
    s.append("MERIDIAN_QDRANT_CONFIG\n");
    s.append("chmod 644 /etc/qdrant/config.yaml\n");

    s.append("docker rm -f ").append(CONTAINER_NAME).append(" 2>/dev/null || true\n");
    s.append("docker run --detach --restart unless-stopped --name ").append(CONTAINER_NAME).append(" --network host")
        .append(" --env-file /etc/qdrant/keys.env")
        .append(" --volume ").append(DATA_DIR).append("/storage:").append(QdrantConfig.STORAGE_DIR)
        .append(" --volume ").append(DATA_DIR).append("/snapshots:").append(QdrantConfig.SNAPSHOTS_DIR)
        .append(" --volume ").append(DATA_DIR).append("/tls:").append(QdrantConfig.TLS_DIR).append(":ro")
        .append(" --volume /etc/qdrant/config.yaml:").append(QdrantConfig.CONFIG_FILE).append(":ro")
        .append(" --log-driver awslogs --log-opt awslogs-region=\"$REGION\"")
        .append(" --log-opt awslogs-group=").append(q(logGroupName))
        .append(" --log-opt awslogs-stream=").append(q("node-" + nodeIndex))
        .append(" --entrypoint ./qdrant ").append(q(image))
        .append(" --uri ").append(q(peerUri(zoneName, nodeIndex)));
    if (nodeIndex > 1) {
      s.append(" --bootstrap ").append(q(peerUri(zoneName, 1)));
    }
    s.append('\n');

    s.append("# snapshots: every collection's shards on this node, copied to S3\n");
    s.append("{ printf '#!/bin/bash\\nset -euo pipefail\\nREGION=%s\\n' \"$REGION\"; cat <<'MERIDIAN_QDRANT_SNAPSHOT'\n");
    s.append("set -a; . /etc/qdrant/keys.env; set +a\n");
    s.append("api() { curl -fsS --cacert ").append(DATA_DIR).append("/tls/ca.pem --resolve ")
        .append(q(nodeName + ":" + QdrantConfig.HTTP_PORT + ":127.0.0.1"))
        .append(" -H \"api-key: $").append(QdrantConfig.API_KEY_VARIABLE).append("\" \"$@\"; }\n");
    s.append("for collection in $(api ").append(q("https://" + nodeName + ":" + QdrantConfig.HTTP_PORT + "/collections"))
        .append(" | jq -r '.result.collections[].name'); do\n");
    s.append("  api -X POST ").append(q("https://" + nodeName + ":" + QdrantConfig.HTTP_PORT + "/collections/"))
        .append("\"$collection\"'/snapshots?wait=true' >/dev/null\n");
    s.append("done\n");
    s.append("aws s3 sync --region \"$REGION\" --only-show-errors ").append(DATA_DIR).append("/snapshots ")
        .append(q("s3://" + snapshotBucket + "/")).append("\"$REGION\"").append(q("/node-" + nodeIndex + "/")).append('\n');
    s.append("find ").append(DATA_DIR).append("/snapshots -type f -mmin +60 -delete\n");
    s.append("MERIDIAN_QDRANT_SNAPSHOT\n");
    s.append("} >/usr/local/bin/qdrant-snapshot\n");
    s.append("chmod 700 /usr/local/bin/qdrant-snapshot\n");
    s.append("printf '[Unit]\\nDescription=Qdrant snapshots to S3\\n[Service]\\nType=oneshot\\nExecStart=/usr/local/bin/qdrant-snapshot\\n'"
        + " >/etc/systemd/system/qdrant-snapshot.service\n");
    s.append("printf '[Unit]\\nDescription=Qdrant snapshot schedule\\n[Timer]\\nOnCalendar=%s\\nPersistent=true\\n[Install]\\nWantedBy=timers.target\\n' ")
        .append(q(snapshotSchedule)).append(" >/etc/systemd/system/qdrant-snapshot.timer\n");
    s.append("systemctl daemon-reload\n");
    s.append("systemctl enable --now qdrant-snapshot.timer\n");
    return s.toString();
  }

  private static String q(String value) {
    return ShellQuoting.quote(value);
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": missing; it must be a non-empty string");
    }
  }
}
