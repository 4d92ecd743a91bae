package dev.meridian.constructs.config;

/**
 * The tag keys Meridian puts on resources, the same for both engines. The stacks layer tags
 * every taggable resource with the deployment, site and jurisdiction; constructs tag their
 * data-bearing resources (log groups, buckets, volumes) with their {@link DataClass}.
 */
public final class TagKeys {

  /** The deployment (spec name) a resource belongs to, e.g. {@code chat}. */
  public static final String DEPLOYMENT = "meridian:deployment";
  /** The site (spec region name) a resource belongs to, e.g. {@code uk}. */
  public static final String SITE = "meridian:site";
  /** The jurisdiction whose rules the resource's data follows, e.g. {@code UK}. */
  public static final String JURISDICTION = "meridian:jurisdiction";
  /** The class of data a resource holds: see {@link DataClass#tagValue()}. */
  public static final String DATA_CLASS = "meridian:data-class";

  private TagKeys() {}
}
