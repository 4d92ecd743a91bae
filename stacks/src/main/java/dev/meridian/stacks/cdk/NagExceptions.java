package dev.meridian.stacks.cdk;

import dev.meridian.constructs.aws.EvalHarness;
import dev.meridian.constructs.aws.FailoverDrill;
import dev.meridian.constructs.aws.InferenceLogs;
import dev.meridian.constructs.aws.GpuFleet;
import dev.meridian.constructs.aws.HostedApiFallback;
import dev.meridian.constructs.aws.QdrantCluster;
import dev.meridian.constructs.aws.StandbyActivation;
import dev.meridian.constructs.aws.RegionNetwork;
import software.constructs.IConstruct;

/**
 * The cdk-nag AwsSolutions findings Meridian accepts, each on the resource it concerns and with
 * the reason a reviewer reads in the template's metadata. Anything not listed here fails synth.
 */
final class NagExceptions {

  private NagExceptions() {}

  static void network(RegionNetwork network) {
    network.getInterfaceEndpoints().forEach(endpoint -> CdkNagChecks.suppress(endpoint, "CdkNagValidationFailure",
        "Interface endpoint security groups allow HTTPS from the VPC CIDR, an intrinsic cdk-nag cannot evaluate;"
            + " the rule is only open to the VPC itself"));
  }

  static void fleet(GpuFleet fleet) {
    CdkNagChecks.suppress(fleet.getRole(), "AwsSolutions-IAM4",
        "AmazonSSMManagedInstanceCore is AWS's minimal policy for Session Manager access: no SSH, no open ports");
    CdkNagChecks.suppress(fleet.getRole(), "AwsSolutions-IAM5",
        "Wildcards are object keys under the model artifact prefix and the S3/Logs action families the CDK grants"
            + " (GetObject*, List*, PutLogEvents on the fleet's own log group): scoped to one bucket prefix and one log group");
    CdkNagChecks.suppress(fleet.getAutoScalingGroup(), "AwsSolutions-AS3",
        "Scaling activity is recorded by EventBridge and CloudWatch; serving health is watched by the Route 53"
            + " health-check alarms in the DNS stack, which page on what users see");
    CdkNagChecks.suppress(fleet.getAccessLogsBucket(), "AwsSolutions-S1",
        "This is the load balancer's access-log bucket: logging it into itself would loop");
    CdkNagChecks.suppress(fleet.getLoadBalancer(), "AwsSolutions-EC23",
        "The inference endpoint is public by design: 443 (and 80, redirected to 443) are open to the internet");
  }

  static void vectorStore(QdrantCluster cluster) {
    CdkNagChecks.suppress(cluster.getRole(), "AwsSolutions-IAM4",
        "AmazonSSMManagedInstanceCore is AWS's minimal policy for Session Manager access: no SSH, no open ports");
    CdkNagChecks.suppress(cluster.getRole(), "AwsSolutions-IAM5",
        "Wildcards are snapshot object keys in the cluster's own bucket, EC2 volume attachment limited by the"
            + " cluster tag condition, and the log streams of the cluster's own log group");
    cluster.getNodeGroups().forEach(group -> CdkNagChecks.suppress(group, "AwsSolutions-AS3",
        "Each node group holds one instance; node health is alarmed per node (QdrantCluster node alarms)"));
    for (IConstruct secret : new IConstruct[] {cluster.getApiKey(), cluster.getReadOnlyApiKey(), cluster.getCertificateAuthority()}) {
      CdkNagChecks.suppress(secret, "AwsSolutions-SMG4",
          "Qdrant reads its keys and CA at boot; rotating one is a rolling node restart (docs/constructs/qdrant-cluster.md),"
              + " not a Secrets Manager rotation Lambda");
    }
    bucket(cluster.getSnapshotBucket());
    cluster.getSnapshotReplicationRole().ifPresent(role -> scopedWildcards(role,
        "the snapshot bucket's object versions and this cluster's folder in the other regions' snapshot buckets"));
  }

  /** A data bucket: its audit trail is CloudTrail data events, not S3 server access logs. */
  static void bucket(IConstruct bucket) {
    CdkNagChecks.suppress(bucket, "AwsSolutions-S1",
        "Access to this bucket is audited with CloudTrail S3 data events (account-wide trail); server access logs"
            + " would need one more log bucket per region for best-effort delivery");
  }

  /** A role whose policy the CDK's grant methods scope to one resource's objects or streams. */
  static void scopedWildcards(IConstruct role, String what) {
    CdkNagChecks.suppress(role, "AwsSolutions-IAM5", "Wildcards are scoped to " + what);
  }

  static void logs(InferenceLogs logs) {
    scopedWildcards(logs.getDeliveryRole(), "the site's folder of the log bucket it delivers to");
    logs.getStagingBucket().ifPresent(NagExceptions::bucket);
    logs.getReplicationRole().ifPresent(role -> scopedWildcards(role,
        "the staging bucket's inference-logs/ objects and the site's folders in its jurisdiction's archive"));
  }

  static void evals(EvalHarness evals) {
    CdkNagChecks.suppress(evals.getTaskDefinition(), "AwsSolutions-ECS2",
        "The environment holds the target URL, site, suite version and results location: no secret");
    scopedWildcards(evals.getTaskDefinition().getTaskRole(),
        "PutObject and multipart-abort on the results bucket's eval-results/ folder only");
  }

  static void gateway(HostedApiFallback gateway) {
    CdkNagChecks.suppress(gateway.getMasterKey(), "AwsSolutions-SMG4",
        "The gateway's master key is what clients present; rotating it means re-issuing client keys, a planned"
            + " change rather than a Secrets Manager rotation Lambda");
    CdkNagChecks.suppress(gateway.getTaskDefinition(), "AwsSolutions-ECS2",
        "The environment holds no secret: the config parameter's name and the model routing; keys come from"
            + " Secrets Manager as container secrets");
  }

  static void drill(FailoverDrill drill) {
    CdkNagChecks.suppress(drill.getExperimentRole(), "AwsSolutions-IAM5",
        "FIS must name instances by wildcard (they are replaced over time); the role's statements are conditioned"
            + " on the site's meridian:deployment and meridian:site tags, and the capacity-error action takes no resource");
    drill.getSchedulerRole().ifPresent(role -> CdkNagChecks.suppress(role, "AwsSolutions-IAM5",
        "StartExperiment needs the experiment resource, whose id FIS creates at start: experiment/* in this"
            + " region only, together with this drill's template"));
  }

  static void activation(StandbyActivation activation) {
    CdkNagChecks.suppress(activation.getStateMachine().getRole(), "AwsSolutions-IAM5",
        "Step Functions' log delivery and X-Ray calls take no resource-level permissions (CDK adds them on \"*\");"
            + " the group update is limited to the standby fleet's group");
  }
}
