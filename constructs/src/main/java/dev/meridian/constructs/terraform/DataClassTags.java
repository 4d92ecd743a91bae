package dev.meridian.constructs.terraform;

import dev.meridian.constructs.config.DataClass;
import dev.meridian.constructs.config.TagKeys;
import java.util.Map;

/** The {@code tags} map a data-bearing Terraform resource carries: its data class. */
final class DataClassTags {

  private DataClassTags() {}

  static Map<String, String> of(DataClass dataClass) {
    return Map.of(TagKeys.DATA_CLASS, dataClass.tagValue());
  }
}
