package dev.meridian.blueprints.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import scala.Option;
import sjsonnet.OsPath;

/**
 * Where a Jsonnet spec may import from: the importing file's folder first, then the import path
 * (as {@code jsonnet -J} searches), and only files inside the spec's folder, the import path
 * folders or the working directory. A spec cannot read {@code /etc/passwd} or {@code ~/.aws} into
 * its values, which matters when specs from pull requests are evaluated in CI and their problems
 * posted back as comments.
 */
final class ImportPolicy {

  private final List<Path> searchPath;
  private final List<Path> allowedRoots;
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  /**
   * @param importPath   folders searched after the importing file's own
   * @param otherRoots   further folders whose files may be imported (besides the import path)
   */
  ImportPolicy(List<Path> importPath, List<Path> otherRoots) {
    this.searchPath = importPath.stream().map(ImportPolicy::real).toList();
    List<Path> roots = new ArrayList<>(searchPath);
    otherRoots.stream().map(ImportPolicy::real).forEach(roots::add);
    this.allowedRoots = List.copyOf(roots);
  }

  /** The file an {@code import} of {@code name} from a file in {@code docBase} reads, if allowed. */
  Option<os.Path> resolve(sjsonnet.Path docBase, String name) {
    List<Path> bases = new ArrayList<>();
    if (docBase instanceof OsPath base) {
      bases.add(base.p().toNIO());
    }
    bases.addAll(searchPath);
    for (Path base : bases) {
      Path candidate = base.resolve(name);
      if (Files.isRegularFile(candidate)) {
        if (allowed(real(candidate))) {
          return Option.apply(os.Path$.MODULE$.apply(candidate.toAbsolutePath().normalize(),
              os.PathConvertible.NioPathConvertible$.MODULE$));
        }
        refused.add(name);
      }
    }
    return Option.empty();
  }

  /** Whether an import of {@code name} was refused for being outside the allowed folders. */
  boolean refused(String name) {
    return refused.contains(name);
  }

  private boolean allowed(Path file) {
    return allowedRoots.stream().anyMatch(file::startsWith);
  }

  /** The path with symbolic links resolved where it exists, so a link cannot lead outside. */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (java.io.IOException notThere) {
      return absolute;
    }
  }
}
