package dev.meridian.constructs.aws;

import dev.meridian.constructs.aws.internal.EncryptedLogGroups;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.DnsNames;
import dev.meridian.constructs.config.LogRetention;
import dev.meridian.constructs.config.RegionalBucketName;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesisfirehose.CfnDeliveryStream;
import software.amazon.awscdk.services.logs.CfnSubscriptionFilter;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * A site's inference logs and their way into the jurisdiction's archive: the site's log group
 * (given, e.g. the GPU fleet's, or created KMS-encrypted with a retention and tagged
 * {@code user}), a subscription filter sending every event to a Firehose delivery stream in
 * the SAME region (CloudWatch Logs requires the destination in the log group's region), and
 * the stream delivering to the {@link JurisdictionLogArchive} bucket under
 * {@code inference-logs/<site>/}; that bucket may be in another region of the same
 * jurisdiction. Records arrive as CloudWatch Logs' gzip-compressed JSON.
 *
 * <p>The construct does not decide residency: the caller passes the archive of the site's
 * jurisdiction. Metrics (derived data) stay in CloudWatch; view them across regions and
 * accounts with CloudWatch cross-account observability (OAM), which reads in place.
 *
 * <p>Props — required: {@code site}, {@code archive} (bucket name rule and region). Optional:
 * {@code logGroup} created; {@code retentionDays} 30 (for a created log group);
 * {@code bufferSeconds} 300.
 */
public final class InferenceLogs extends Construct {

  /** The key prefix of delivered logs in the archive; the site's folder follows. */
  public static final String ARCHIVE_PREFIX = "inference-logs/";

  private final ILogGroup logGroup;
  private final Role deliveryRole;
  private final Role subscriptionRole;
  private final CfnDeliveryStream deliveryStream;
  private final CfnSubscriptionFilter subscriptionFilter;
  private final String archiveBucketArn;

  private InferenceLogs(Construct scope, String id, Builder props) {
    super(scope, id);
    props.validate();
    this.logGroup = props.logGroup != null ? props.logGroup
        : EncryptedLogGroups.create(this, "LogGroup", "inference logs of " + props.site, props.retentionDays, DataClass.USER);
    this.archiveBucketArn = props.archiveBucketName.arnIn(Stack.of(this).getAccount(), props.archiveRegion);
    String sitePrefix = ARCHIVE_PREFIX + props.site + "/";

    this.deliveryRole = Role.Builder.create(this, "DeliveryRole")
        .assumedBy(ServicePrincipal.Builder.create("firehose.amazonaws.com")
            .conditions(Map.of("StringEquals", Map.of("sts:ExternalId", Aws.ACCOUNT_ID)))
            .build())
        .description("Firehose: deliver " + props.site + " inference logs to the jurisdiction archive")
        .build();
    deliveryRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"))
        .resources(List.of(archiveBucketArn))
        .build());
    deliveryRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:PutObject", "s3:AbortMultipartUpload"))
        .resources(List.of(archiveBucketArn + "/" + sitePrefix + "*", archiveBucketArn + "/" + ARCHIVE_PREFIX + "errors/"
            + props.site + "/*"))
        .build());

    this.deliveryStream = CfnDeliveryStream.Builder.create(this, "DeliveryStream")
        .deliveryStreamType("DirectPut")
        .deliveryStreamEncryptionConfigurationInput(CfnDeliveryStream.DeliveryStreamEncryptionConfigurationInputProperty
            .builder().keyType("AWS_OWNED_CMK").build())
        .extendedS3DestinationConfiguration(CfnDeliveryStream.ExtendedS3DestinationConfigurationProperty.builder()
            .bucketArn(archiveBucketArn)
            .roleArn(deliveryRole.getRoleArn())
            .prefix(sitePrefix)
            .errorOutputPrefix(ARCHIVE_PREFIX + "errors/" + props.site + "/!{firehose:error-output-type}/")
            .compressionFormat("UNCOMPRESSED")
            .bufferingHints(CfnDeliveryStream.BufferingHintsProperty.builder()
                .intervalInSeconds(props.bufferSeconds).sizeInMBs(5).build())
            .build())
        .build();
    deliveryStream.getNode().addDependency(deliveryRole);

    this.subscriptionRole = Role.Builder.create(this, "SubscriptionRole")
        .assumedBy(ServicePrincipal.Builder.create("logs." + Aws.REGION + ".amazonaws.com")
            .conditions(Map.of("StringLike", Map.of("aws:SourceArn",
                Stack.of(this).formatArn(ArnComponents.builder()
                    .service("logs").resource("log-group").resourceName("*")
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()))))
            .build())
        .description("CloudWatch Logs: put " + props.site + " inference logs into the delivery stream")
        .build();
    subscriptionRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("firehose:PutRecord", "firehose:PutRecordBatch"))
        .resources(List.of(deliveryStream.getAttrArn()))
        .build());

    this.subscriptionFilter = CfnSubscriptionFilter.Builder.create(this, "ToArchive")
        .logGroupName(logGroup.getLogGroupName())
        .filterPattern("")
        .destinationArn(deliveryStream.getAttrArn())
        .roleArn(subscriptionRole.getRoleArn())
        .build();
    subscriptionFilter.getNode().addDependency(subscriptionRole);
  }

  /** The site's inference log group, given or created. */
  public ILogGroup getLogGroup() {
    return logGroup;
  }

  /** The Firehose delivery stream in this region. */
  public CfnDeliveryStream getDeliveryStream() {
    return deliveryStream;
  }

  /** The role Firehose writes to the archive with. */
  public Role getDeliveryRole() {
    return deliveryRole;
  }

  /** The role CloudWatch Logs puts records into the stream with. */
  public Role getSubscriptionRole() {
    return subscriptionRole;
  }

  /** The subscription filter from the log group to the stream. */
  public CfnSubscriptionFilter getSubscriptionFilter() {
    return subscriptionFilter;
  }

  /** The archive bucket's ARN, as delivered to. */
  public String getArchiveBucketArn() {
    return archiveBucketArn;
  }

  /** Builds {@link InferenceLogs}. */
  public static final class Builder {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private final Construct scope;
    private final String id;
    private String site;
    private RegionalBucketName archiveBucketName;
    private String archiveRegion;
    private ILogGroup logGroup;
    private int retentionDays = 30;
    private int bufferSeconds = 300;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a site's inference logs {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The site's name, its folder in the archive, e.g. {@code uk}. Required. */
    public Builder site(String site) {
      this.site = site;
      return this;
    }

    /** The jurisdiction's archive: its bucket naming rule and the region it lives in, e.g. {@code eu-west-2}. Required. */
    public Builder archive(RegionalBucketName bucketName, String region) {
      this.archiveBucketName = bucketName;
      this.archiveRegion = region;
      return this;
    }

    /** The site's existing inference log group, e.g. {@code GpuFleet.getLogGroup()}. @default a created KMS-encrypted log group */
    public Builder logGroup(ILogGroup logGroup) {
      this.logGroup = logGroup;
      return this;
    }

    /** Days a created log group keeps events; a CloudWatch Logs retention. @default 30 */
    public Builder retentionDays(int retentionDays) {
      this.retentionDays = retentionDays;
      return this;
    }

    /** Seconds Firehose buffers before writing an object, 0–900. @default 300 */
    public Builder bufferSeconds(int bufferSeconds) {
      this.bufferSeconds = bufferSeconds;
      return this;
    }

    /** The inference logs. */
    public InferenceLogs build() {
      return new InferenceLogs(scope, id, this);
    }

    private void validate() {
      DnsNames.requireTargetName("site", site);
      if (archiveBucketName == null) {
        throw new IllegalArgumentException("archive: missing; pass the jurisdiction archive's bucket name rule and region");
      }
      if (archiveRegion == null || !REGION.matcher(archiveRegion).matches()) {
        throw new IllegalArgumentException("archive: region '" + archiveRegion + "' is not an AWS region code; use e.g. eu-west-2");
      }
      LogRetention.requireSupported("retentionDays", retentionDays);
      if (bufferSeconds < 0 || bufferSeconds > 900) {
        throw new IllegalArgumentException("bufferSeconds: " + bufferSeconds + " must be between 0 and 900");
      }
    }
  }
}
