package io.chatprep.template.py;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML entity decoding for {@code striptags}: numeric references and the named entities that occur in chat
 * text. Python's {@code html.unescape} knows every HTML5 name; names missing here stay as written.
 */
final class Html {
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;)");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("raquo", "\u00bb"),
            Map.entry("laquo", "\u00ab"), Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"),
            Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"), Map.entry("middot", "\u00b7"), Map.entry("times", "\u00d7"),
            Map.entry("deg", "\u00b0"), Map.entry("euro", "\u20ac"), Map.entry("trade", "\u2122"));

    private Html() {
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = REFERENCE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String replacement = m.group();
            if (ref.startsWith("#")) {
                String digits = ref.endsWith(";") ? ref.substring(1, ref.length() - 1) : ref.substring(1);
                int cp;
                try {
                    cp = digits.startsWith("x") || digits.startsWith("X")
                            ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
                } catch (NumberFormatException e) {
                    cp = 0xfffd;
                }
                if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                    cp = 0xfffd;
                }
                replacement = new String(Character.toChars(cp));
            } else {
                String named = NAMED.get(ref.substring(0, ref.length() - 1));
                if (named != null) {
                    replacement = named;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
