package io.chatprep.template.jinjava;

import io.chatprep.template.parse.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The template rewritten for Jinjava's tree parser, from the engine's tokens (which carry Jinja2's whitespace
 * control already): Jinjava, with all of its own trimming off, sees exactly the text Jinja2 would emit. Text that
 * holds braces goes into {@code raw} blocks, so a literal {@code {} can never merge with a following tag. Keeps a
 * map from the rewritten text's lines back to the template's lines, for Jinjava's error messages, and the text
 * written for each tag, so every tag Jinjava finds leads back to the engine's tokens of that tag.
 */
final class CanonicalSource {
    private static final String VAR_OPEN = "{{ ";
    private static final String VAR_CLOSE = " }}";
    private static final String BLOCK_OPEN = "{% ";
    private static final String BLOCK_CLOSE = " %}";

    private final StringBuilder out;
    /** The template line of each line of the rewritten text; -1 until text from the template lands on it. */
    private final List<Integer> lines = new ArrayList<>();
    /** The begin tokens of the print statements and tags written as each text, in the order they were written. */
    private final Map<String, List<Integer>> begins = new HashMap<>();
    private int[] originalLine;

    private CanonicalSource(int capacity) {
        this.out = new StringBuilder(capacity);
        lines.add(-1);
    }

    static CanonicalSource of(List<Token> tokens) {
        CanonicalSource c = new CanonicalSource(tokens.size() * 8 + 64);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case DATA -> c.data(t);
                case VAR_BEGIN -> c.tag(i, t, VAR_OPEN, VAR_CLOSE);
                case BLOCK_BEGIN -> c.tag(i, t, BLOCK_OPEN, BLOCK_CLOSE);
                default -> {
                }
            }
        }
        c.originalLine = new int[c.lines.size()];
        int previous = 1;
        for (int i = 0; i < c.originalLine.length; i++) {
            c.originalLine[i] = c.lines.get(i) < 0 ? previous : c.lines.get(i);
            previous = c.originalLine[i];
        }
        return c;
    }

    private void data(Token t) {
        String text = t.value();
        boolean braces = text.indexOf('{') >= 0 || text.indexOf('}') >= 0 || text.indexOf('#') >= 0
                || text.indexOf('%') >= 0;
        if (braces) {
            out.append("{% raw %}");
        }
        append(text, t.line());
        if (braces) {
            out.append("{% endraw %}");
        }
    }

    /** A print statement or tag: its text as written (the begin token's value) between canonical delimiters. */
    private void tag(int begin, Token t, String open, String close) {
        int start = out.length();
        out.append(open);
        append(separateDelimiters(t.value()), t.line());
        out.append(close);
        begins.computeIfAbsent(out.substring(start), image -> new ArrayList<>(1)).add(begin);
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

    /** Appends text that starts on template line {@code line}, recording the template line of each new line. */
    private void append(String text, int line) {
        int last = lines.size() - 1;
        if (lines.get(last) < 0) {
            lines.set(last, line);
        }
        int current = line;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                current++;
                lines.add(current);
            }
            out.append(c);
        }
    }

    String text() {
        return out.toString();
    }

    /** The template line a line of the rewritten text came from. */
    int originalLine(int canonicalLine) {
        if (canonicalLine < 1) {
            return 1;
        }
        return originalLine[Math.min(canonicalLine, originalLine.length) - 1];
    }

    /**
     * The begin tokens of the print statements or tags written as {@code image}, in template order. Jinjava's tokens
     * are the written texts themselves, and it meets them in the order they were written.
     */
    List<Integer> beginsOf(String image) {
        List<Integer> found = begins.get(image);
        if (found == null) {
            throw new IllegalStateException("Jinjava found a tag that was not written: " + image);
        }
        return found;
    }
}
