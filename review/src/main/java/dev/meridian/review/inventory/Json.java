package dev.meridian.review.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads JSON files of a synth output, turning every failure into one problem line. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The file's JSON, or empty after adding a problem naming the file, the line and the cause. */
  static Optional<JsonNode> read(Path file, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      problems.add(file + ": missing (the manifest names it; synthesize again)");
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        problems.add(file + ": not a JSON object");
        return Optional.empty();
      }
      return Optional.of(node);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(file + ":" + line + ": broken JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(file + ": unreadable: " + e.getMessage());
      return Optional.empty();
    }
  }
}
