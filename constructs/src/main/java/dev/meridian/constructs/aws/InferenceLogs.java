package dev.meridian.constructs.aws;

import dev.meridian.constructs.aws.internal.EncryptedLogGroups;
import dev.meridian.constructs.aws.internal.OpsReplication;
import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.DnsNames;
import dev.meridian.constructs.config.LogRetention;
import dev.meridian.constructs.config.RegionCode;
import dev.meridian.constructs.config.RegionalBucketName;
import dev.meridian.constructs.config.TagKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesisfirehose.CfnDeliveryStream;
import software.amazon.awscdk.services.logs.CfnSubscriptionFilter;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * A site's inference logs and their way into the jurisdiction's archive: the site's log group
 * (given, e.g. the GPU fleet's, or created KMS-encrypted with a retention and tagged
 * {@code user}), a subscription filter sending every event to a Firehose delivery stream in
 * the SAME region (CloudWatch Logs requires the destination in the log group's region), and
 * the stream delivering under {@code inference-logs/<site>/} into the
 * {@link JurisdictionLogArchive} bucket when that is in the site's region; otherwise (the
 * archive is in another region of the same jurisdiction) into a staging bucket in the site's
 * region that S3 replication copies to the archive, keeping staged objects
 * {@value #STAGING_DAYS} days. Records arrive as CloudWatch Logs' gzip-compressed JSON.
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
  /** Days a staged object is kept in the site's region after replication to the archive. */
  public static final int STAGING_DAYS = 7;

  private final ILogGroup logGroup;
  private final Role deliveryRole;
  private final Role subscriptionRole;
  private final CfnDeliveryStream deliveryStream;
  private final CfnSubscriptionFilter subscriptionFilter;
  private final String archiveBucketArn;
  private final Bucket stagingBucket;
  private final Role replicationRole;

  private InferenceLogs(Construct scope, String id, Builder props) {
    super(scope, id);
    props.validate();
    this.logGroup = props.logGroup != null ? props.logGroup
        : EncryptedLogGroups.create(this, "LogGroup", "inference logs of " + props.site, props.retentionDays, DataClass.USER);
    this.archiveBucketArn = props.archiveBucketName.arnIn(Stack.of(this).getAccount(), props.archiveRegion);
    String sitePrefix = ARCHIVE_PREFIX + props.site + "/";
    String errorPrefix = ARCHIVE_PREFIX + "errors/" + props.site + "/";
    String here = Stack.of(this).getRegion();
    String deliveryBucketArn;
    if (!Token.isUnresolved(here) && here.equals(props.archiveRegion)) {
      this.stagingBucket = null;
      this.replicationRole = null;
      deliveryBucketArn = archiveBucketArn;
    } else {
      this.stagingBucket = Bucket.Builder.create(this, "Staging")
          .encryption(BucketEncryption.S3_MANAGED)
          .enforceSsl(true)
          .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
          .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
          .versioned(true)
          .lifecycleRules(List.of(LifecycleRule.builder()
              .expiration(Duration.days(STAGING_DAYS))
              .noncurrentVersionExpiration(Duration.days(1))
              .build()))
          .removalPolicy(RemovalPolicy.RETAIN)
          .build();
      Tags.of(stagingBucket).add(TagKeys.DATA_CLASS, DataClass.USER.tagValue());
      this.replicationRole = OpsReplication.replicate(this, "ReplicationRole",
          "S3 replication of " + props.site + " inference logs to the jurisdiction archive", stagingBucket, ARCHIVE_PREFIX,
          List.of(new OpsReplication.Destination("to-archive", archiveBucketArn,
              List.of(archiveBucketArn + "/" + sitePrefix + "*", archiveBucketArn + "/" + errorPrefix + "*"))),
          false);
      deliveryBucketArn = stagingBucket.getBucketArn();
    }

    this.deliveryRole = Role.Builder.create(this, "DeliveryRole")
        .assumedBy(ServicePrincipal.Builder.create("firehose.amazonaws.com")
            .conditions(Map.of("StringEquals", Map.of("sts:ExternalId", Aws.ACCOUNT_ID)))
            .build())
        .description("Firehose: deliver " + props.site + " inference logs to the jurisdiction archive")
        .build();
    deliveryRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"))
        .resources(List.of(deliveryBucketArn))
        .build());
    deliveryRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:PutObject", "s3:AbortMultipartUpload"))
        .resources(List.of(deliveryBucketArn + "/" + sitePrefix + "*", deliveryBucketArn + "/" + errorPrefix + "*"))
        .build());

    this.deliveryStream = CfnDeliveryStream.Builder.create(this, "DeliveryStream")
        .deliveryStreamType("DirectPut")
        .deliveryStreamEncryptionConfigurationInput(CfnDeliveryStream.DeliveryStreamEncryptionConfigurationInputProperty
            .builder().keyType("AWS_OWNED_CMK").build())
        .extendedS3DestinationConfiguration(CfnDeliveryStream.ExtendedS3DestinationConfigurationProperty.builder()
            .bucketArn(deliveryBucketArn)
            .roleArn(deliveryRole.getRoleArn())
            .prefix(sitePrefix)
            .errorOutputPrefix(errorPrefix + "!{firehose:error-output-type}/")
            .compressionFormat("UNCOMPRESSED")
            .bufferingHints(CfnDeliveryStream.BufferingHintsProperty.builder()
                .intervalInSeconds(props.bufferSeconds).sizeInMBs(5).build())
            .build())
        .build();
    deliveryStream.getNode().addDependency(deliveryRole);
    Tags.of(deliveryStream).add(TagKeys.DATA_CLASS, DataClass.USER.tagValue());

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

  /** The archive bucket's ARN. */
  public String getArchiveBucketArn() {
    return archiveBucketArn;
  }

  /** The bucket in the site's region that Firehose writes to when the archive is in another region. */
  public Optional<Bucket> getStagingBucket() {
    return Optional.ofNullable(stagingBucket);
  }

  /** The role replicating staged logs to the archive, when there is a staging bucket. */
  public Optional<Role> getReplicationRole() {
    return Optional.ofNullable(replicationRole);
  }

  /** Builds {@link InferenceLogs}. */
  public static final class Builder {
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
      RegionCode.require("archive.region", archiveRegion);
      LogRetention.requireSupported("retentionDays", retentionDays);
      if (bufferSeconds < 0 || bufferSeconds > 900) {
        throw new IllegalArgumentException("bufferSeconds: " + bufferSeconds + " must be between 0 and 900");
      }
    }
  }
}
