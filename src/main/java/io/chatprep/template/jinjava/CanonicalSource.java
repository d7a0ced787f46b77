package io.chatprep.template.jinjava;

import io.chatprep.template.parse.Lexer;
import io.chatprep.template.parse.Token;
import io.chatprep.template.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The whitespace pre-pass: Jinja2's lexer rules (newline normalisation, trim_blocks, lstrip_blocks, {@code -} /
 * {@code +} markers, comments, the source's trailing newline) applied to the source, which is then rewritten
 * so that Jinjava, with all of its own trimming off, parses exactly the text Jinja2 would emit. Text that holds
 * braces goes into {@code raw} blocks, so a literal {@code {} can never merge with a following tag. Keeps a map
 * from the rewritten source's lines back to the template's lines, for error messages.
 */
public final class CanonicalSource {
    private static final String VAR_OPEN = "{{ ";
    private static final String VAR_CLOSE = " }}";
    private static final String BLOCK_OPEN = "{% ";
    private static final String BLOCK_CLOSE = " %}";

    private final String text;
    private final int[] originalLine;

    private CanonicalSource(String text, int[] originalLine) {
        this.text = text;
        this.originalLine = originalLine;
    }

    public static CanonicalSource of(String source) {
        List<Token> tokens = Lexer.tokenize(source);
        StringBuilder out = new StringBuilder(source.length() + 64);
        List<Integer> lines = new ArrayList<>();
        lines.add(-1);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case DATA -> {
                    boolean braces = t.value().indexOf('{') >= 0 || t.value().indexOf('}') >= 0
                            || t.value().indexOf('#') >= 0 || t.value().indexOf('%') >= 0;
                    if (braces) {
                        out.append("{% raw %}");
                    }
                    append(out, lines, t.value(), t.line());
                    if (braces) {
                        out.append("{% endraw %}");
                    }
                }
                case VAR_BEGIN -> {
                    out.append(VAR_OPEN);
                    append(out, lines, separateDelimiters(t.value()), t.line());
                    out.append(VAR_CLOSE);
                }
                case BLOCK_BEGIN -> {
                    out.append(BLOCK_OPEN);
                    append(out, lines, separateDelimiters(t.value()), t.line());
                    out.append(BLOCK_CLOSE);
                }
                default -> {
                }
            }
            if (t.kind() == Kind.VAR_BEGIN || t.kind() == Kind.BLOCK_BEGIN) {
                // the tokens up to the matching end belong to the tag's inner text already copied
                while (i + 1 < tokens.size() && tokens.get(i + 1).kind() != Kind.VAR_END
                        && tokens.get(i + 1).kind() != Kind.BLOCK_END) {
                    i++;
                }
                i++;
            }
        }
        int[] map = new int[lines.size()];
        int previous = 1;
        for (int i = 0; i < map.length; i++) {
            map[i] = lines.get(i) < 0 ? previous : lines.get(i);
            previous = map[i];
        }
        return new CanonicalSource(out.toString(), map);
    }

    /**
     * Jinja2 balances brackets inside a tag, Jinjava's scanner does not: {@code {'a': {'b': 1}}} would end a
     * print tag early. Outside string literals, a space between two delimiter characters changes no token.
     */
    static String separateDelimiters(String inner) {
        StringBuilder sb = new StringBuilder(inner.length() + 4);
        char quote = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            sb.append(c);
            if (quote != 0) {
                if (c == '\\' && i + 1 < inner.length()) {
                    sb.append(inner.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (i + 1 < inner.length() && "{}%#".indexOf(c) >= 0 && "{}%#".indexOf(inner.charAt(i + 1)) >= 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** The inner text of a print tag of the rewritten source, exactly as the template wrote it. */
    public static String printInner(String image) {
        return image.substring(VAR_OPEN.length(), image.length() - VAR_CLOSE.length());
    }

    /** The inner text (name and header) of a statement tag of the rewritten source. */
    public static String tagInner(String image) {
        return image.substring(BLOCK_OPEN.length(), image.length() - BLOCK_CLOSE.length());
    }

    /** Appends text that starts on template line {@code line}, recording the template line of each new line. */
    private static void append(StringBuilder out, List<Integer> lines, String text, int line) {
        int last = lines.size() - 1;
        if (lines.get(last) < 0) {
            lines.set(last, line);
        }
        int current = line;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '\n') {
                current++;
                lines.add(current);
            }
        }
    }

    public String text() {
        return text;
    }

    /** The template line a line of the rewritten source came from. */
    public int originalLine(int canonicalLine) {
        if (canonicalLine < 1) {
            return 1;
        }
        return originalLine[Math.min(canonicalLine, originalLine.length) - 1];
    }
}
