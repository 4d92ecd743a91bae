package dev.meridian.blueprints.spec;

import java.nio.file.Path;

/**
 * The file a spec came from, as the user named it (relative paths stay relative so messages
 * and outputs carry no absolute paths).
 *
 * @param path the path as given on the command line
 */
public record SourceFile(Path path) {

  /** The path as text, with forward slashes on every platform. */
  public String display() {
    return path.toString().replace('\\', '/');
  }

  @Override
  public String toString() {
    return display();
  }
}
