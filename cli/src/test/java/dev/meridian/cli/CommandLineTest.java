package dev.meridian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The command line itself: help, version and usage errors, whatever the command. */
class CommandLineTest {

  /** The commands {@code meridian --help} lists (hidden ones, run by the engines' CLIs, are not for users). */
  static Stream<String> commands() {
    return new CommandLine(new Meridian()).getSubcommands().entrySet().stream()
        .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
        .map(java.util.Map.Entry::getKey);
  }

  @Test
  void validateAndPlanAreCommands() {
    assertThat(commands()).contains("validate", "plan");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandPrintsItsHelpAndExitsZero(String command) {
    CommandRun run = CommandRun.of(command, "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Usage: meridian " + command);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void helpListsEveryCommand() {
    CommandRun run = CommandRun.of("--help");

    assertThat(run.exit()).isZero();
    assertThat(commands()).allSatisfy(command -> assertThat(run.out()).containsPattern("(?m)^  " + command + " "));
  }

  @Test
  void versionNamesMeridian() {
    CommandRun run = CommandRun.of("--version");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).matches("meridian \\S+\\R");
  }

  @Test
  void noCommandIsAUsageError() {
    CommandRun run = CommandRun.of();

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("a command is required");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CommandRun run = CommandRun.of("plna", "spec.json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("plna");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CommandRun run = CommandRun.of("plan", CommandRun.EXAMPLES.resolve("single-region.json").toString(), "--colour");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--colour");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void validateWithoutASpecIsAUsageError() {
    CommandRun run = CommandRun.of("validate");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("SPEC");
  }

  @Test
  void unknownPlanFormatIsAUsageErrorNamingTheChoices() {
    CommandRun run = CommandRun.of("plan", CommandRun.EXAMPLES.resolve("single-region.json").toString(), "--format", "yaml");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("yaml", "text", "json", "mermaid");
  }
}
