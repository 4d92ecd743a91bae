package dev.meridian.cli;

import dev.meridian.stacks.terraform.TerraformBackend;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --terraform-state}: a local folder ({@code terraform-state}, the default) or
 * {@code s3://BUCKET/PREFIX?region=REGION&lock=TABLE} for state in S3 locked through DynamoDB.
 */
final class TerraformStateOption implements ITypeConverter<TerraformBackend> {

  @Override
  public TerraformBackend convert(String value) {
    if (!value.startsWith("s3://")) {
      return new TerraformBackend.Local(Path.of(value));
    }
    URI uri = URI.create(value);
    Map<String, String> query = new LinkedHashMap<>();
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    try {
      return new TerraformBackend.S3(uri.getHost(), query.get("region"), query.get("lock"),
          uri.getPath() == null ? "" : uri.getPath());
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage() + " (use s3://BUCKET/PREFIX?region=REGION&lock=TABLE)");
    }
  }
}
