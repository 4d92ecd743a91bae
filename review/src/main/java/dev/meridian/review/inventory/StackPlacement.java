package dev.meridian.review.inventory;

import java.util.Optional;
import java.util.SortedMap;

/**
 * What a stack says it belongs to ({@code Metadata.Meridian} of a template, {@code
 * locals.meridian} of a Terraform stack): the deployment, its pattern, the site the stack serves
 * and the residency policy of the deployment.
 *
 * @param deployment   the deployment name, e.g. {@code chat}
 * @param pattern      the deployment pattern, e.g. {@code active-passive}
 * @param site         the site the stack serves; empty for a global stack (DNS)
 * @param jurisdiction the site's jurisdiction; empty for a global stack
 * @param awsRegion    the AWS region the stack is deployed to
 * @param residency    the deployment's residency policy
 * @param sites        every site of the deployment → its jurisdiction
 */
public record StackPlacement(
    String deployment,
    String pattern,
    Optional<String> site,
    Optional<String> jurisdiction,
    String awsRegion,
    Residency residency,
    SortedMap<String, String> sites) {}
