package dev.meridian.review.diff;

import java.util.List;

/**
 * A resource change, and every site of the same deployment and engine where exactly the same
 * change happens ("same change × 3 sites").
 *
 * @param change the change, as it happens at the first site
 * @param sites  the sites with this change, in stack order; one for an unfolded change
 * @param stacks the stacks with this change, parallel to {@code sites}
 */
public record FoldedChange(ResourceChange change, List<String> sites, List<String> stacks) {}
