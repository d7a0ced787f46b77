package io.chatprep.template.parse;

/** Python's {@code unicode-escape} decoding of a Jinja2 string literal body. */
final class StringLiterals {
    private StringLiterals() {
    }

    static String unescape(String raw, int line) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                sb.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000b');
                case '\n' -> { }
                case 'x' -> i = hex(raw, i, 2, sb, line);
                case 'u' -> i = hex(raw, i, 4, sb, line);
                case 'U' -> i = hex(raw, i, 8, sb, line);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int j = i;
                        int v = 0;
                        while (j < n && j < i + 3 && raw.charAt(j) >= '0' && raw.charAt(j) <= '7') {
                            v = v * 8 + (raw.charAt(j) - '0');
                            j++;
                        }
                        sb.appendCodePoint(v);
                        i = j - 1;
                    } else {
                        sb.append('\\').append(e);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int hex(String raw, int i, int len, StringBuilder sb, int line) {
        if (i + len >= raw.length()) {
            throw new TemplateSyntaxException("truncated \\" + raw.charAt(i) + " escape in string literal", line);
        }
        String h = raw.substring(i + 1, i + 1 + len);
        try {
            sb.appendCodePoint(Integer.parseInt(h, 16));
        } catch (IllegalArgumentException ex) {
            throw new TemplateSyntaxException("invalid \\" + raw.charAt(i) + " escape in string literal", line);
        }
        return i + len;
    }
}
