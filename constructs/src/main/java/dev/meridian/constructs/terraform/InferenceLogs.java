package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.providers.aws.cloudwatch_log_subscription_filter.CloudwatchLogSubscriptionFilter;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_subscription_filter.CloudwatchLogSubscriptionFilterConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRoleConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.kinesis_firehose_delivery_stream.KinesisFirehoseDeliveryStream;
import com.hashicorp.cdktf.providers.aws.kinesis_firehose_delivery_stream.KinesisFirehoseDeliveryStreamConfig;
import com.hashicorp.cdktf.providers.aws.kinesis_firehose_delivery_stream.KinesisFirehoseDeliveryStreamExtendedS3Configuration;
import com.hashicorp.cdktf.providers.aws.kinesis_firehose_delivery_stream.KinesisFirehoseDeliveryStreamServerSideEncryption;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.LogRetention;
import dev.meridian.constructs.config.RegionalBucketName;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * A site's inference logs and their way into the jurisdiction's archive, in Terraform: the twin of
 * {@link dev.meridian.constructs.aws.InferenceLogs}. The site's log group (given, e.g. the GPU
 * fleet's, or created with a retention and tagged {@code user}), a subscription filter sending
 * every event to a Firehose delivery stream in the SAME region, and the stream delivering under
 * {@code inference-logs/<site>/} into the {@link JurisdictionLogArchive} bucket when that is in
 * the site's region; otherwise into a staging bucket here that S3 replication copies to the
 * archive (staged objects kept {@value dev.meridian.constructs.aws.InferenceLogs#STAGING_DAYS}
 * days). The construct does not decide residency: the caller passes its jurisdiction's archive.
 *
 * <p>Props — required: {@code site}, {@code region} (the stack's region), {@code archive} (bucket
 * name rule and region). Optional: {@code logGroupName} created; {@code retentionDays} 30 (for a
 * created log group); {@code bufferSeconds} 300; {@code streamName} {@code <site>-inference-logs}.
 */
public final class InferenceLogs extends Construct {

  private static final String ARCHIVE_PREFIX = dev.meridian.constructs.aws.InferenceLogs.ARCHIVE_PREFIX;

  private final String logGroupName;
  private final Optional<S3Bucket> stagingBucket;
  private final KinesisFirehoseDeliveryStream deliveryStream;
  private final CloudwatchLogSubscriptionFilter subscriptionFilter;

  private InferenceLogs(Construct scope, String id, Builder props) {
    super(scope, id);
    props.validate();
    String account = new DataAwsCallerIdentity(this, "Caller").getAccountId();
    this.logGroupName = props.logGroupName != null ? props.logGroupName
        : EncryptedLogGroups.create(this, "LogGroup", "inference logs of " + props.site, account, props.region,
            props.retentionDays, DataClass.USER).getName();
    String archiveArn = props.archiveBucketName.arnIn(account, props.archiveRegion);
    String sitePrefix = ARCHIVE_PREFIX + props.site + "/";
    String errorPrefix = ARCHIVE_PREFIX + "errors/" + props.site + "/";

    String deliveryBucketArn;
    if (props.region.equals(props.archiveRegion)) {
      this.stagingBucket = Optional.empty();
      deliveryBucketArn = archiveArn;
    } else {
      PrivateBucket.Created staging = PrivateBucket.create(this, "Staging", null, DataClass.USER,
          dev.meridian.constructs.aws.InferenceLogs.STAGING_DAYS, 1);
      this.stagingBucket = Optional.of(staging.bucket());
      Replication.replicate(this, "ArchiveReplication", "S3 replication of " + props.site
          + " inference logs to the jurisdiction archive", staging, ARCHIVE_PREFIX,
          List.of(new Replication.Destination("to-archive", archiveArn,
              List.of(archiveArn + "/" + sitePrefix + "*", archiveArn + "/" + errorPrefix + "*"))), false);
      String source = staging.bucket().getArn();
      deliveryBucketArn = source;
    }

    IamRole delivery = new IamRole(this, "DeliveryRole", IamRoleConfig.builder()
        .description("Firehose: deliver " + props.site + " inference logs to the jurisdiction archive")
        .assumeRolePolicy(PolicyDocuments.assumedBy("firehose.amazonaws.com"))
        .build());
    IamRolePolicy deliveryList = new IamRolePolicy(this, "DeliveryRoleBucket", IamRolePolicyConfig.builder()
        .role(delivery.getId())
        .policy(PolicyDocuments.allow(List.of("s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"),
            List.of(deliveryBucketArn)))
        .build());
    IamRolePolicy deliveryPut = new IamRolePolicy(this, "DeliveryRoleObjects", IamRolePolicyConfig.builder()
        .role(delivery.getId())
        .policy(PolicyDocuments.allow(List.of("s3:PutObject", "s3:AbortMultipartUpload"),
            List.of(deliveryBucketArn + "/" + sitePrefix + "*", deliveryBucketArn + "/" + errorPrefix + "*")))
        .build());
    this.deliveryStream = new KinesisFirehoseDeliveryStream(this, "DeliveryStream", KinesisFirehoseDeliveryStreamConfig.builder()
        .name(props.streamName())
        .destination("extended_s3")
        .serverSideEncryption(KinesisFirehoseDeliveryStreamServerSideEncryption.builder()
            .enabled(true).keyType("AWS_OWNED_CMK").build())
        .extendedS3Configuration(KinesisFirehoseDeliveryStreamExtendedS3Configuration.builder()
            .bucketArn(deliveryBucketArn)
            .roleArn(delivery.getArn())
            .prefix(sitePrefix)
            .errorOutputPrefix(errorPrefix + "!{firehose:error-output-type}/")
            .compressionFormat("UNCOMPRESSED")
            .bufferingInterval(props.bufferSeconds)
            .bufferingSize(5)
            .build())
        .tags(DataClassTags.of(DataClass.USER))
        .dependsOn(List.of(deliveryList, deliveryPut))
        .build());

    IamRole subscription = new IamRole(this, "SubscriptionRole", IamRoleConfig.builder()
        .description("CloudWatch Logs: put " + props.site + " inference logs into the delivery stream")
        .assumeRolePolicy(PolicyDocuments.assumedBy("logs." + props.region + ".amazonaws.com"))
        .build());
    IamRolePolicy put = new IamRolePolicy(this, "SubscriptionRolePut", IamRolePolicyConfig.builder()
        .role(subscription.getId())
        .policy(PolicyDocuments.allow(List.of("firehose:PutRecord", "firehose:PutRecordBatch"),
            List.of(deliveryStream.getArn())))
        .build());
    this.subscriptionFilter = new CloudwatchLogSubscriptionFilter(this, "ToArchive",
        CloudwatchLogSubscriptionFilterConfig.builder()
            .name("to-jurisdiction-archive")
            .logGroupName(logGroupName)
            .filterPattern("")
            .destinationArn(deliveryStream.getArn())
            .roleArn(subscription.getArn())
            .dependsOn(List.of(put))
            .build());
  }

  /** The site's inference log group name, given or created. */
  public String getLogGroupName() {
    return logGroupName;
  }

  /** The staging bucket, when the archive is in another region. */
  public Optional<S3Bucket> getStagingBucket() {
    return stagingBucket;
  }

  /** The Firehose delivery stream in this region. */
  public KinesisFirehoseDeliveryStream getDeliveryStream() {
    return deliveryStream;
  }

  /** The subscription filter sending every event to the stream. */
  public CloudwatchLogSubscriptionFilter getSubscriptionFilter() {
    return subscriptionFilter;
  }

  /** Builds {@link InferenceLogs}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private String site;
    private String region;
    private RegionalBucketName archiveBucketName;
    private String archiveRegion;
    private String logGroupName;
    private int retentionDays = 30;
    private int bufferSeconds = 300;
    private String streamName;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts the logs {@code id} under {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /** The site's name: the archive folder {@code inference-logs/<site>/}. Required. */
    public Builder site(String site) {
      this.site = site;
      return this;
    }

    /** The region of the stack's provider. Required. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The jurisdiction archive: its bucket name rule and its region. Required. */
    public Builder archive(RegionalBucketName bucketName, String region) {
      this.archiveBucketName = bucketName;
      this.archiveRegion = region;
      return this;
    }

    /** The site's existing inference log group, e.g. {@code GpuFleet.getLogGroup().getName()}. @default a created log group */
    public Builder logGroupName(String logGroupName) {
      this.logGroupName = logGroupName;
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

    /** The delivery stream's name, unique in the account and region. @default {@code <site>-inference-logs} */
    public Builder streamName(String streamName) {
      this.streamName = streamName;
      return this;
    }

    /** The logs. */
    public InferenceLogs build() {
      return new InferenceLogs(scope, id, this);
    }

    private String streamName() {
      return streamName != null ? streamName : site + "-inference-logs";
    }

    private void validate() {
      if (site == null || site.isBlank()) {
        throw new IllegalArgumentException("site: missing; pass the site's name, e.g. london");
      }
      if (region == null || region.isBlank()) {
        throw new IllegalArgumentException("region: missing; pass the stack's AWS region, e.g. eu-west-2");
      }
      if (archiveBucketName == null || archiveRegion == null) {
        throw new IllegalArgumentException("archive: missing; pass the jurisdiction archive's bucket name rule and region");
      }
      if (bufferSeconds < 0 || bufferSeconds > 900) {
        throw new IllegalArgumentException("bufferSeconds: " + bufferSeconds + " must be between 0 and 900");
      }
      LogRetention.requireSupported("retentionDays", retentionDays);
    }
  }
}
