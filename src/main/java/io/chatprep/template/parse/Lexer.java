package io.chatprep.template.parse;

import io.chatprep.template.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2's lexer with transformers' settings (trim_blocks, lstrip_blocks, no trailing newline kept).
 * Whitespace control ({@code -}, {@code +}, trim and lstrip rules) is applied here, so the data tokens hold
 * exactly the text Jinja2 itself would emit. A template is lexed once: the block parser finds its structure from
 * these tokens, and the expression {@link Parser} reads the tokens between each tag's begin and end.
 */
public final class Lexer {
    private final String src;
    private final List<Token> out = new ArrayList<>();
    private int pos;
    private int line;
    private boolean lineStarting = true;

    private Lexer(String source) {
        this.src = normalizeNewlines(source);
        this.line = 1;
    }

    /**
     * The template's tokens, ending with {@code EOF}. A tag is its begin token (whose value is the tag's text as
     * written, between the delimiters and whitespace-control signs), the tokens of its content, and its end token.
     */
    public static List<Token> tokenize(String source) {
        Lexer lx = new Lexer(source);
        lx.run();
        return lx.out;
    }

    /** Jinja2 turns {@code \r\n} and {@code \r} into {@code \n} and drops one trailing newline of the source. */
    static String normalizeNewlines(String s) {
        String n = s.indexOf('\r') >= 0 ? s.replace("\r\n", "\n").replace('\r', '\n') : s;
        return n.endsWith("\n") ? n.substring(0, n.length() - 1) : n;
    }

    private void run() {
        int n = src.length();
        while (pos < n) {
            int tagStart = findTagStart(pos);
            if (tagStart < 0) {
                String rest = src.substring(pos);
                emitData(rest, rest);
                pos = n;
                break;
            }
            char kindChar = src.charAt(tagStart + 1);
            int signPos = tagStart + 2;
            char sign = signPos < n ? src.charAt(signPos) : 0;
            if (sign != '-' && sign != '+') {
                sign = 0;
            }
            String text = src.substring(pos, tagStart);
            // raw blocks are recognised at the root before any other tag
            if (kindChar == '%' && isRawBegin(tagStart)) {
                emitData(applyStrip(text, sign, false), text);
                lexRaw(tagStart);
                continue;
            }
            emitData(applyStrip(text, sign, kindChar == '{'), text);
            pos = signPos + (sign != 0 ? 1 : 0);
            lineStarting = false;
            switch (kindChar) {
                case '#' -> lexComment();
                case '{' -> lexTag(Kind.VAR_BEGIN, Kind.VAR_END, "}}");
                default -> lexTag(Kind.BLOCK_BEGIN, Kind.BLOCK_END, "%}");
            }
        }
        out.add(new Token(Kind.EOF, "", line));
    }

    private int findTagStart(int from) {
        int i = from;
        while (true) {
            i = src.indexOf('{', i);
            if (i < 0 || i + 1 >= src.length()) {
                return -1;
            }
            char c = src.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
            i++;
        }
    }

    private String applyStrip(String text, char sign, boolean variable) {
        if (sign == '-') {
            return rstrip(text);
        }
        if (sign != '+' && !variable) {
            int lPos = text.lastIndexOf('\n') + 1;
            if (lPos > 0 || lineStarting) {
                if (isAllWhitespace(text, lPos)) {
                    return text.substring(0, lPos);
                }
            }
        }
        return text;
    }

    private static boolean isAllWhitespace(String s, int from) {
        if (from >= s.length()) {
            return false; // Python's \s+ needs at least one character
        }
        for (int i = from; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b
                || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f || c == 0x85
                || (c > 0x7f && (Character.isWhitespace(c) || Character.isSpaceChar(c)) && c != 0x200b);
    }

    static String rstrip(String s) {
        int e = s.length();
        while (e > 0 && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(0, e);
    }

    private int skipSpace(int i) {
        while (i < src.length() && isSpace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Emits {@code text}, what whitespace control left of {@code source}; the lines count the source, so the tokens
     * after text that lost its newlines still carry the template line Jinja2 names.
     */
    private void emitData(String text, String source) {
        if (!text.isEmpty()) {
            out.add(new Token(Kind.DATA, text, line));
            lineStarting = text.endsWith("\n");
        }
        line += count(source);
    }

    private static int count(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                c++;
            }
        }
        return c;
    }

    private void advanceTo(int newPos) {
        line += count(src.substring(pos, newPos));
        lineStarting = newPos > 0 && src.charAt(newPos - 1) == '\n';
        pos = newPos;
    }

    /** After {@code %}} or {@code #}}: trim_blocks drops one newline; {@code -} drops all whitespace. */
    private int afterBlockEnd(int endPos, char sign) {
        if (sign == '-') {
            return skipSpace(endPos);
        }
        if (sign == '+') {
            return endPos;
        }
        return endPos < src.length() && src.charAt(endPos) == '\n' ? endPos + 1 : endPos;
    }

    private void lexComment() {
        int e = src.indexOf("#}", pos);
        if (e < 0) {
            throw new TemplateSyntaxException("Missing end of comment tag", line);
        }
        char before = e > pos ? src.charAt(e - 1) : 0;
        char sign = (before == '-' || before == '+') ? before : 0;
        advanceTo(afterBlockEnd(e + 2, sign));
    }

    private boolean isRawBegin(int tagStart) {
        int i = tagStart + 2;
        if (i < src.length() && (src.charAt(i) == '-' || src.charAt(i) == '+')) {
            i++;
        }
        i = skipSpace(i);
        if (!src.startsWith("raw", i)) {
            return false;
        }
        i = skipSpace(i + 3);
        return src.startsWith("%}", i) || src.startsWith("-%}", i);
    }

    private void lexRaw(int tagStart) {
        int startLine = line;
        int i = src.indexOf("raw", tagStart) + 3;
        i = skipSpace(i);
        int bodyStart;
        if (src.startsWith("-%}", i)) {
            bodyStart = skipSpace(i + 3);
        } else {
            bodyStart = i + 2;
        }
        advanceTo(bodyStart);
        int search = bodyStart;
        while (true) {
            int t = src.indexOf("{%", search);
            if (t < 0) {
                throw new TemplateSyntaxException("Missing end of raw directive", startLine);
            }
            int j = t + 2;
            char sign = 0;
            if (j < src.length() && (src.charAt(j) == '-' || src.charAt(j) == '+')) {
                sign = src.charAt(j);
                j++;
            }
            j = skipSpace(j);
            if (src.startsWith("endraw", j)) {
                int k = skipSpace(j + 6);
                char endSign = 0;
                if (src.startsWith("-%}", k) || src.startsWith("+%}", k)) {
                    endSign = src.charAt(k);
                    k++;
                }
                if (src.startsWith("%}", k)) {
                    String body = src.substring(bodyStart, t);
                    emitData(applyStrip(body, sign, false), body);
                    pos = t;
                    advanceTo(afterBlockEnd(k + 2, endSign));
                    return;
                }
            }
            search = t + 2;
        }
    }

    private void lexTag(Kind begin, Kind end, String endMarker) {
        int beginIndex = out.size();
        int innerStart = pos;
        out.add(new Token(begin, "", line));
        int depth = 0;
        int n = src.length();
        while (true) {
            pos = skipSpaceCounting(pos);
            if (pos >= n) {
                throw new TemplateSyntaxException("unexpected end of template, expected '" + endMarker + "'", line);
            }
            if (depth == 0) {
                if (src.startsWith("-" + endMarker, pos)
                        || (end == Kind.BLOCK_END && src.startsWith("+" + endMarker, pos))
                        || src.startsWith(endMarker, pos)) {
                    Token b = out.get(beginIndex);
                    out.set(beginIndex, new Token(b.kind(), src.substring(innerStart, pos), b.line()));
                }
                if (src.startsWith("-" + endMarker, pos)) {
                    out.add(new Token(end, endMarker, line));
                    int after = pos + 3;
                    if (end == Kind.BLOCK_END) {
                        advanceTo(afterBlockEnd(after, '-'));
                    } else {
                        advanceTo(skipSpace(after));
                    }
                    return;
                }
                if (end == Kind.BLOCK_END && src.startsWith("+" + endMarker, pos)) {
                    out.add(new Token(end, endMarker, line));
                    advanceTo(pos + 3);
                    return;
                }
                if (src.startsWith(endMarker, pos)) {
                    out.add(new Token(end, endMarker, line));
                    int after = pos + 2;
                    advanceTo(end == Kind.BLOCK_END ? afterBlockEnd(after, (char) 0) : after);
                    return;
                }
            }
            char c = src.charAt(pos);
            if (Character.isDigit(c)) {
                lexNumber();
            } else if (Character.isLetter(c) || c == '_') {
                int s = pos;
                while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                // interned: scopes compare variable names by identity first
                out.add(new Token(Kind.NAME, src.substring(s, pos).intern(), line));
            } else if (c == '\'' || c == '"') {
                lexString(c);
            } else {
                String op = operatorAt(pos);
                if (op == null) {
                    throw new TemplateSyntaxException("unexpected char '" + c + "'", line);
                }
                if (op.equals("(") || op.equals("[") || op.equals("{")) {
                    depth++;
                } else if (op.equals(")") || op.equals("]") || op.equals("}")) {
                    if (depth == 0) {
                        throw new TemplateSyntaxException("unexpected '" + op + "'", line);
                    }
                    depth--;
                }
                out.add(new Token(Kind.OPERATOR, op, line));
                pos += op.length();
            }
        }
    }

    private int skipSpaceCounting(int i) {
        int j = skipSpace(i);
        line += count(src.substring(i, j));
        return j;
    }

    private static final String[] OPERATORS = {"//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~",
        "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";"};

    private String operatorAt(int i) {
        for (String op : OPERATORS) {
            if (src.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    private void lexNumber() {
        int s = pos;
        int n = src.length();
        // prefixed integers: 0b, 0o, 0x
        if (src.charAt(pos) == '0' && pos + 1 < n && "bBoOxX".indexOf(src.charAt(pos + 1)) >= 0) {
            int radix = switch (Character.toLowerCase(src.charAt(pos + 1))) {
                case 'b' -> 2;
                case 'o' -> 8;
                default -> 16;
            };
            int j = pos + 2;
            while (j < n && (Character.digit(src.charAt(j), radix) >= 0 || src.charAt(j) == '_')) {
                j++;
            }
            String digits = src.substring(pos + 2, j).replace("_", "");
            pos = j;
            out.add(new Token(Kind.INTEGER, new java.math.BigInteger(digits, radix).toString(), line));
            return;
        }
        int j = digitsEnd(pos);
        boolean isFloat = false;
        if (j + 1 < n && src.charAt(j) == '.' && Character.isDigit(src.charAt(j + 1))
                && !(s > 0 && src.charAt(s - 1) == '.')) {
            j = digitsEnd(j + 1);
            isFloat = true;
        }
        if (j < n && (src.charAt(j) == 'e' || src.charAt(j) == 'E') && !(s > 0 && src.charAt(s - 1) == '.')) {
            int k = j + 1;
            if (k < n && (src.charAt(k) == '+' || src.charAt(k) == '-')) {
                k++;
            }
            if (k < n && Character.isDigit(src.charAt(k))) {
                j = digitsEnd(k);
                isFloat = true;
            }
        }
        String text = src.substring(s, j).replace("_", "");
        pos = j;
        out.add(new Token(isFloat ? Kind.FLOAT : Kind.INTEGER, text, line));
    }

    private int digitsEnd(int i) {
        int n = src.length();
        while (i < n && (Character.isDigit(src.charAt(i))
                || (src.charAt(i) == '_' && i + 1 < n && Character.isDigit(src.charAt(i + 1))))) {
            i++;
        }
        return i;
    }

    private void lexString(char quote) {
        int startLine = line;
        int i = pos + 1;
        int n = src.length();
        while (i < n && src.charAt(i) != quote) {
            if (src.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        if (i >= n) {
            throw new TemplateSyntaxException("unexpected char '" + quote + "'", startLine);
        }
        String raw = src.substring(pos + 1, i);
        out.add(new Token(Kind.STRING, StringLiterals.unescape(raw, startLine), startLine));
        line += count(raw);
        pos = i + 1;
    }
}
