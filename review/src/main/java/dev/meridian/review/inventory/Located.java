package dev.meridian.review.inventory;

import java.util.Optional;

/**
 * Where a pointer in the output (a reference, an ARN, a bucket name) leads: the resource of the
 * output it names, if any, and the AWS region it lives in, if that can be proven.
 *
 * @param pointer  the canonical string as written in the output
 * @param resource the resource it names in this output; empty when it names none
 * @param region   its region: the resource's, else the ARN's, else the region its name ends with;
 *                 empty when none of these says
 */
public record Located(String pointer, Optional<Resource> resource, Optional<String> region) {

  /** How reports name the destination: the resource path when it is in the output, else the pointer. */
  public String describe() {
    return resource.map(Resource::path).orElse(pointer);
  }
}
