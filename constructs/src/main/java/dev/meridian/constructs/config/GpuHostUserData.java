package dev.meridian.constructs.config;

import java.util.List;

/**
 * The boot script of a GPU host that serves one model: it reads the pinned model version
 * (fixed, or from an SSM parameter), copies the model artifact from
 * {@code s3://artifactBucket/artifactPrefix/<version>/} to local disk, and runs the serving
 * container — vLLM's OpenAI-compatible server, which answers {@code GET /health} on the same
 * port — on every GPU of the host, its logs going to a CloudWatch log group in the host's own
 * region. Every value is shell-quoted, so names from a spec cannot inject commands; engine
 * tokens (bucket and log group names) resolve inside the quotes.
 *
 * <p>The host needs Docker with the NVIDIA container runtime and the AWS CLI, as the Deep
 * Learning AMIs provide.
 *
 * @param image                 serving container image with vLLM's OpenAI server as its entry
 *                              point, e.g. {@code vllm/vllm-openai:v0.6.3} (pin a tag or digest)
 * @param port                  port the server listens on, 1–65535 (vLLM's default is 8000)
 * @param modelName             model name clients send, e.g. {@code meta-llama/Llama-3.1-8B-Instruct}
 * @param artifactBucket        name of the S3 bucket holding model artifacts
 * @param artifactPrefix        key prefix of this model's artifacts, e.g. {@code models/llama-3.1-8b/};
 *                              one folder per version below it
 * @param modelVersion          the pinned model version: the folder below the prefix
 * @param logGroupName          CloudWatch log group receiving the container's output
 * @param extraServerArguments  further server arguments, e.g. {@code --max-model-len 8192}; default none
 */
public record GpuHostUserData(
    String image,
    int port,
    String modelName,
    String artifactBucket,
    String artifactPrefix,
    PinnedVersion modelVersion,
    String logGroupName,
    List<String> extraServerArguments) {

  /** The directory on the host the model artifact is copied to. */
  public static final String MODEL_DIR = "/opt/meridian/model";
  /** The name of the serving container. */
  public static final String CONTAINER_NAME = "meridian-serving";

  public GpuHostUserData {
    requireWord("image", image);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " is not a port; use 1-65535");
    }
    requireText("modelName", modelName);
    requireText("artifactBucket", artifactBucket);
    requireText("artifactPrefix", artifactPrefix);
    if (modelVersion == null) {
      throw new IllegalArgumentException("modelVersion: missing; use PinnedVersion.of(...) or PinnedVersion.fromParameter(...)");
    }
    requireText("logGroupName", logGroupName);
    extraServerArguments = List.copyOf(extraServerArguments == null ? List.of() : extraServerArguments);
  }

  /** The S3 folder of the model artifacts, without version: {@code s3://bucket/prefix/}. */
  public String artifactFolder() {
    String prefix = artifactPrefix.replaceAll("^/+", "");
    return "s3://" + artifactBucket + "/" + (prefix.endsWith("/") ? prefix : prefix + "/");
  }

  /** The bash script, lines joined with '\n', ending with a newline. */
  public String script() {
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/bash\n");
    s.append("set -euo pipefail\n");
    s.append("exec >>/var/log/meridian-boot.log 2>&1\n");
    s.append("IMDS_TOKEN=\"$(curl -fsS -X PUT http://169.254.169.254/latest/api/token"
        + " -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')\"\n");
    s.append("imds() { curl -fsS -H \"X-aws-ec2-metadata-token: $IMDS_TOKEN\""
        + " \"http://169.254.169.254/latest/meta-data/$1\"; }\n");
    s.append("REGION=\"$(imds placement/region)\"\n");
    s.append("INSTANCE_ID=\"$(imds instance-id)\"\n");
    s.append("MODEL_VERSION=").append(modelVersion.shellValue()).append('\n');
    s.append("case \"$MODEL_VERSION\" in ''|*/*|.|..) echo \"model version '$MODEL_VERSION' is not one path segment\" >&2; exit 1;; esac\n");
    s.append("mkdir -p ").append(MODEL_DIR).append('\n');
    s.append("aws s3 sync --region \"$REGION\" --only-show-errors ")
        .append(ShellQuoting.quote(artifactFolder())).append("\"$MODEL_VERSION/\" ").append(MODEL_DIR).append('\n');
    s.append("GPUS=\"$(nvidia-smi --list-gpus | wc -l)\"\n");
    s.append("docker run --detach --restart unless-stopped --name ").append(CONTAINER_NAME)
        .append(" --gpus all --ipc host")
        .append(" --publish ").append(port).append(':').append(port)
        .append(" --volume ").append(MODEL_DIR).append(":/model:ro")
        .append(" --log-driver awslogs --log-opt awslogs-region=\"$REGION\"")
        .append(" --log-opt awslogs-group=").append(ShellQuoting.quote(logGroupName))
        .append(" --log-opt awslogs-stream=\"$INSTANCE_ID\"")
        .append(' ').append(ShellQuoting.quote(image))
        .append(" --model /model --served-model-name ").append(ShellQuoting.quote(modelName))
        .append(" --host 0.0.0.0 --port ").append(port)
        .append(" --tensor-parallel-size \"$GPUS\"");
    extraServerArguments.forEach(argument -> s.append(' ').append(ShellQuoting.quote(argument)));
    s.append('\n');
    return s.toString();
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": missing; it must be a non-empty string");
    }
  }

  private static void requireWord(String field, String value) {
    if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(field + ": '" + value + "' must be one non-empty word without spaces");
    }
  }
}
