package dev.meridian.constructs.terraform;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with cdktf tokens, made safe for Terraform expressions: a script's own quotes,
 * {@code ${VAR}} and {@code %{…}} stay literal (Terraform would read them as template syntax),
 * while the token markers ({@code ${TfToken[TOKEN.n]}}) become the references they stand for.
 */
final class TerraformStrings {

  private static final Pattern TOKEN = Pattern.compile("\\$\\{TfToken\\[TOKEN\\.\\d+]}");

  private TerraformStrings() {}

  /** The text, base64-encoded by Terraform at plan time (e.g. for {@code user_data}). */
  static String base64(String text) {
    List<String> parts = new ArrayList<>();
    Matcher token = TOKEN.matcher(text);
    int literalStart = 0;
    while (token.find()) {
      parts.add(literal(text.substring(literalStart, token.start())));
      parts.add(token.group());
      literalStart = token.end();
    }
    parts.add(literal(text.substring(literalStart)));
    return Fn.base64encode(Token.asString(Fn.join("", parts)));
  }

  private static String literal(String text) {
    return Fn.rawString(text.replace("%{", "%%{"));
  }
}
