package dev.meridian.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.blueprints.plan.DataFlow;
import dev.meridian.blueprints.plan.FlowKind;
import dev.meridian.blueprints.plan.Site;
import dev.meridian.blueprints.plan.Topology;
import dev.meridian.review.inventory.Engine;
import dev.meridian.review.inventory.Inventory;
import dev.meridian.review.inventory.OutputReader;
import dev.meridian.stacks.ResourceNames;
import dev.meridian.stacks.StackLayout;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code meridian plan} says moves between regions is exactly what the synthesized output
 * moves, in both engines: artifact replication, vector snapshot copies and inference logs shipped
 * to an archive in another region each appear as S3 replication from the source site's stack to
 * the destination's region — and nothing else is replicated.
 */
class PlanFlowsMatchOutputTest {

  static Inventory inventory;

  @BeforeAll
  static void readTheSharedSynthOfEveryExample() throws Exception {
    inventory = OutputReader.read(SynthesizedExamples.get().out);
  }

  @Test
  void everyCrossRegionFlowOfThePlanIsReplicatedAndNothingElseIs() {
    for (Engine engine : Engine.values()) {
      TreeSet<String> expected = new TreeSet<>();
      SynthesizedExamples.get().topologies.forEach(t -> t.flows().forEach(f -> expectedLine(t, f).ifPresent(expected::add)));
      List<String> actual = NeutralView.of(inventory, engine).stream().filter(l -> l.startsWith("replication ")).toList();
      assertThat(actual).as("%s output vs plan flows", engine).containsExactlyElementsOf(expected);
    }
  }

  /** The replication line a plan flow must produce, if it crosses regions between AWS sites. */
  private static Optional<String> expectedLine(Topology topology, DataFlow flow) {
    Optional<Site> from = topology.site(flow.from()).filter(Site::isAws);
    Optional<Site> to = topology.site(flow.to()).filter(Site::isAws);
    if (from.isEmpty() || to.isEmpty() || from.get().awsRegion().equals(to.get().awsRegion())) {
      return Optional.empty();
    }
    String prefix = switch (flow.kind()) {
      case ARTIFACT_REPLICATION -> ResourceNames.artifacts(topology).prefix();
      case VECTOR_SNAPSHOT_COPY -> ResourceNames.vectorSnapshots(topology).prefix();
      case LOG_AGGREGATION -> ResourceNames.logArchive(topology, to.get().jurisdiction()).prefix();
      default -> null;
    };
    return Optional.ofNullable(prefix).map(p -> "replication " + StackLayout.siteStackName(topology, from.get()) + " " + p
        + " -> " + to.get().awsRegion().orElseThrow());
  }
}
