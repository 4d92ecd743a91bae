package dev.meridian.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a minimal one-stack cloud assembly, the way {@code meridian synth} would, for the verify and diff command tests. */
final class ReviewOutputs {

  private ReviewOutputs() {}

  /** An output whose stack {@code chat-uk} holds the given resources (a JSON object body). */
  static Path write(Path dir, String resources) {
    try {
      Files.createDirectories(dir.resolve("cdk"));
      Files.writeString(dir.resolve("cdk/manifest.json"), """
          {"version": "48.0.0", "artifacts": {"chat-uk": {"type": "aws:cloudformation:stack",
            "environment": "aws://111111111111/eu-west-2", "properties": {"templateFile": "chat-uk.template.json"}}}}
          """);
      Files.writeString(dir.resolve("cdk/chat-uk.template.json"), """
          {"Metadata": {"Meridian": {"deployment": "chat", "pattern": "single-region", "site": "uk",
            "jurisdiction": "UK", "awsRegion": "eu-west-2", "residency": {"mode": "strict", "allowedTransfers": []},
            "sites": {"uk": "UK"}}},
           "Resources": {%s}}
          """.formatted(resources));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tagged, retained bucket named for account 111111111111. */
  static String bucket(String id, String deletionPolicy) {
    return """
        "%s": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "%s", "UpdateReplacePolicy": "Retain",
          "Properties": {"BucketName": "chat-uk-logs-111111111111-eu-west-2", "Tags": [
            {"Key": "meridian:deployment", "Value": "chat"}, {"Key": "meridian:site", "Value": "uk"},
            {"Key": "meridian:jurisdiction", "Value": "UK"}, {"Key": "meridian:data-class", "Value": "user"}]}}
        """.formatted(id, deletionPolicy);
  }
}
