package dev.meridian.constructs.config;

/**
 * POSIX shell quoting for values written into generated scripts: a value becomes one word
 * that the shell never expands, whatever it contains.
 */
public final class ShellQuoting {

  private ShellQuoting() {}

  /**
   * The value in single quotes, each embedded single quote written as {@code '\''}; e.g.
   * {@code it's} becomes {@code 'it'\''s'}. Engine tokens (which contain no quotes) pass
   * through unchanged inside the quotes and resolve at synth time.
   */
  public static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
