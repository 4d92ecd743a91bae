package dev.meridian.cli.render;

import dev.meridian.blueprints.plan.GeoTarget;
import dev.meridian.blueprints.plan.RecordSet;
import dev.meridian.blueprints.plan.RoutingRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive geolocation country records of one name that answer with the same site, shown as
 * one line ("countries AT BE … (27) → eu") so a sharded plan stays readable. Any other record is
 * a group of one.
 *
 * @param first     the first record of the group
 * @param countries the country codes of the group, in record order; empty for non-country records
 */
record RecordGroup(RecordSet first, List<String> countries) {

  static List<RecordGroup> of(List<RecordSet> records) {
    List<RecordGroup> groups = new ArrayList<>();
    for (RecordSet r : records) {
      String country = country(r);
      RecordGroup last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (country != null && last != null && !last.countries.isEmpty()
          && last.first.site().equals(r.site()) && last.first.name().equals(r.name())
          && last.first.healthChecked() == r.healthChecked()) {
        last.countries.add(country);
      } else {
        List<String> countries = new ArrayList<>();
        if (country != null) {
          countries.add(country);
        }
        groups.add(new RecordGroup(r, countries));
      }
    }
    return groups;
  }

  private static String country(RecordSet r) {
    return r.rule() instanceof RoutingRule.Geolocation g && g.target() instanceof GeoTarget.Country c ? c.code() : null;
  }
}
