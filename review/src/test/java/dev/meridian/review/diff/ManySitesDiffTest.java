package dev.meridian.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.review.BenchMain;
import dev.meridian.review.ReviewInputException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A diff of a deployment with 150 sites stays readable and under GitHub's comment limit. */
class ManySitesDiffTest {

  @TempDir static Path temp;
  private static String markdown;

  @BeforeAll
  static void diffManySites() throws IOException, ReviewInputException {
    BenchMain.generate(temp.resolve("base"), 150, false);
    BenchMain.generate(temp.resolve("head"), 150, true);
    markdown = Differ.diff(temp.resolve("base"), temp.resolve("head")).markdown(DiffReport.GITHUB_COMMENT_LIMIT);
  }

  @Test
  void staysUnderGithubsCommentLimit() {
    assertThat(markdown.length()).isLessThanOrEqualTo(DiffReport.GITHUB_COMMENT_LIMIT);
  }

  @Test
  void sitesWithTheSameCountsShareASummaryRow() {
    assertThat(markdown).contains("| big | 149 sites: s0001, s0002, s0003, s0004, s0005, s0006, s0007, s0008, s0009, "
        + "s0010, s0011, s0012 and 137 more | cdk | 0 | 1 | 0 | 0 |");
  }

  @Test
  void sameGpuChangeAtSitesOfOnePriceIsOneLine() {
    assertThat(markdown).containsOnlyOnce("- cdk · big · same change × 60 sites (s0003, s0004, s0008")
        .contains("1..4 GPUs (g6.xlarge), $0.80..$3.22/h → 1..4 GPUs (g6e.xlarge), $1.86..$7.44/h (+$1.06..+$4.22/h each)")
        .contains("- total (cdk): +$103.01..+$412.03/h on-demand, without 60 stacks lacking a price");
  }

  @Test
  void sameResourceChangeAtManySitesIsOneEntry() {
    assertThat(markdown).contains("#### cdk · same change × 150 sites: s0000, s0001")
        .containsOnlyOnce("`Properties.LaunchTemplateData.InstanceType`");
  }
}
