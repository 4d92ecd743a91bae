package dev.meridian.stacks.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/**
 * cdk-nag's AwsSolutions pack on every Meridian stack. Findings become error annotations, which
 * fail synthesis ({@link CdkSynthesizer}); each accepted exception is suppressed on the resource it
 * concerns, with the reason a reviewer would read.
 */
final class CdkNagChecks {

  private CdkNagChecks() {}

  /** Runs the AwsSolutions pack over everything under {@code scope}; no report files are written. */
  static void applyTo(IConstruct scope) {
    Aspects.of(scope).add(AwsSolutionsChecks.Builder.create().verbose(true).reports(false).build());
  }

  /** Suppresses one rule on one construct (and its children) with a reason. */
  static void suppress(IConstruct construct, String ruleId, String reason) {
    NagSuppressions.addResourceSuppressions(construct,
        List.of(NagPackSuppression.builder().id(ruleId).reason(reason).build()), true);
  }
}
