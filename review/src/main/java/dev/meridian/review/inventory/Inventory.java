package dev.meridian.review.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything one synth output directory holds, engine-neutral: its stacks and their resources,
 * with look-ups that follow references, ARNs and names from one resource to another.
 */
public final class Inventory {

  private static final Pattern CFN_REFERENCE = Pattern.compile("^\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z0-9.]+)?}$");
  private static final Pattern TF_REFERENCE =
      Pattern.compile("^\\$\\{((?:data\\.)?[a-z0-9_]+\\.[A-Za-z0-9_-]+)(\\.[^}]*)?}$");
  private static final Pattern ACCOUNT = Pattern.compile("\\$\\{AWS::AccountId}|\\b[0-9]{12}\\b");
  private static final Comparator<Stack> STACK_ORDER =
      Comparator.comparing(Stack::engine).thenComparing(Stack::name);

  private final List<Stack> stacks;
  private final List<Resource> resources;
  private final Map<String, Resource> byPath = new TreeMap<>();
  private final Map<String, Resource> bucketsByName = new TreeMap<>();
  private final Map<String, Resource> firehosesByName = new TreeMap<>();
  private final Map<String, Resource> logGroupsByName = new TreeMap<>();

  /** An inventory of these stacks and resources, in stack then address order. */
  public Inventory(List<Stack> stacks, List<Resource> resources) {
    this.stacks = stacks.stream().sorted(STACK_ORDER).toList();
    this.resources = resources.stream()
        .sorted(Comparator.comparing(Resource::stack, STACK_ORDER).thenComparing(Resource::address))
        .toList();
    for (Resource r : this.resources) {
      byPath.put(r.path(), r);
      switch (r.kind()) {
        case BUCKET -> name(r, "BucketName", "bucket").ifPresent(n -> bucketsByName.put(key(r.stack().engine(), n), r));
        case FIREHOSE -> name(r, "DeliveryStreamName", "name").ifPresent(n -> firehosesByName.put(key(r.stack().engine(), n), r));
        case LOG_GROUP -> name(r, "LogGroupName", "name").ifPresent(n -> logGroupsByName.put(key(r.stack().engine(), n), r));
        default -> { }
      }
    }
  }

  /** The stacks, by engine then name. */
  public List<Stack> stacks() {
    return stacks;
  }

  /** Every resource, by stack then address. */
  public List<Resource> resources() {
    return resources;
  }

  /** The resources of one kind. */
  public List<Resource> resources(ResourceKind kind) {
    return resources.stream().filter(r -> r.kind() == kind).toList();
  }

  /** The resource of that address in that stack. */
  public Optional<Resource> resource(Stack stack, String address) {
    return Optional.ofNullable(byPath.get(stack.path() + "/" + address));
  }

  /**
   * Where a pointer written in {@code from} leads: a reference to a resource of the same stack
   * ({@code ${Bucket.Arn}}, {@code ${aws_s3_bucket.logs.arn}}), or an ARN or name of a resource of
   * {@code kind} defined anywhere in the output, or at least the region its ARN or name states.
   */
  public Located locate(Resource from, String pointer, ResourceKind kind) {
    Optional<Resource> referenced = referenced(from, pointer);
    if (referenced.isPresent()) {
      return new Located(pointer, referenced, referenced.get().region());
    }
    String name = pointer;
    Optional<String> arnRegion = Optional.empty();
    if (pointer.startsWith("arn:")) {
      String[] parts = pointer.split(":", 6);
      if (parts.length == 6) {
        arnRegion = Optional.of(parts[3]).filter(r -> !r.isEmpty());
        String resourcePart = parts[5];
        name = resourcePart.substring(resourcePart.indexOf('/') + 1);
      }
    }
    Map<String, Resource> byName = switch (kind) {
      case BUCKET -> bucketsByName;
      case FIREHOSE -> firehosesByName;
      case LOG_GROUP -> logGroupsByName;
      default -> Map.of();
    };
    Optional<Resource> named = Optional.ofNullable(byName.get(key(from.stack().engine(), name)));
    if (named.isPresent()) {
      return new Located(pointer, named, named.get().region());
    }
    String bare = name;
    return new Located(pointer, Optional.empty(), arnRegion.or(() -> Geography.builtIn().regionAtEndOf(bare)));
  }

  /** The resource of the same stack a reference string points at. */
  public Optional<Resource> referenced(Resource from, String pointer) {
    Pattern pattern = from.stack().engine() == Engine.CLOUDFORMATION ? CFN_REFERENCE : TF_REFERENCE;
    Matcher m = pattern.matcher(pointer);
    return m.matches() ? resource(from.stack(), m.group(1)) : Optional.empty();
  }

  private static Optional<String> name(Resource r, String cfnField, String tfField) {
    String field = r.stack().engine() == Engine.CLOUDFORMATION ? cfnField : tfField;
    return Optional.of(r.property(field)).filter(n -> n.isTextual()).map(n -> n.asText());
  }

  private static String key(Engine engine, String name) {
    return engine.folder() + "/" + ACCOUNT.matcher(name).replaceAll("{account}");
  }
}
