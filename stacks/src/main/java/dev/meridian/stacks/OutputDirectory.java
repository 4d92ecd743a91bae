package dev.meridian.stacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A synth output folder replaced all at once: everything is written into a fresh staging folder
 * beside the target, and only a complete run swaps it in. A failed run deletes its staging folder
 * and leaves the previous output untouched.
 */
public final class OutputDirectory implements AutoCloseable {

  private final Path target;
  private final Path staging;
  private boolean committed;

  private OutputDirectory(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /** Opens a staging folder for {@code target} (created beside it, on the same file system). */
  public static OutputDirectory open(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute.getParent());
      Path staging = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".staging-");
      return new OutputDirectory(absolute, staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a staging folder beside " + target, e);
    }
  }

  /** Where this run writes; becomes {@code target} on {@link #commit()}. */
  public Path staging() {
    return staging;
  }

  /** Swaps the staging folder in for the target (the old target is removed after the swap). */
  public void commit() {
    try {
      Path previous = null;
      if (Files.exists(target)) {
        previous = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".previous-");
        Files.delete(previous);
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
      if (previous != null) {
        deleteTree(previous);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the new output into " + target, e);
    }
  }

  /** Deletes the staging folder unless it was committed. */
  @Override
  public void close() {
    if (!committed) {
      deleteTree(staging);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
