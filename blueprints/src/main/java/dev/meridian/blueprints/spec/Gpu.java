package dev.meridian.blueprints.spec;

/**
 * A GPU fleet serving one model.
 *
 * @param instanceType EC2 GPU instance type; default {@code g6.xlarge}
 * @param min          minimum instances; default 1 (0 on a standby = pilot light)
 * @param max          maximum instances; default 4
 * @param server       serving engine; default {@code vllm}
 * @param image        serving container image; default {@code vllm/vllm-openai:v0.6.3}
 * @param port         serving port; default 8000
 * @param model        the model served (required)
 */
public record Gpu(String instanceType, int min, int max, String server, String image, int port, Model model) {

  public static final String DEFAULT_INSTANCE_TYPE = "g6.xlarge";
  public static final int DEFAULT_MIN = 1;
  public static final int DEFAULT_MAX = 4;
  public static final String DEFAULT_SERVER = "vllm";
  public static final String DEFAULT_IMAGE = "vllm/vllm-openai:v0.6.3";
  public static final int DEFAULT_PORT = 8000;

  /**
   * The model a fleet serves.
   *
   * @param name     the model's name, e.g. {@code meta-llama/Llama-3.1-8B-Instruct} (required)
   * @param artifact where its weights live in the artifact bucket, e.g. {@code models/llama-3.1-8b/};
   *                 default empty: the server loads the model by name
   */
  public record Model(String name, String artifact) {}
}
