package io.chatprep.template.py;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2's wordwrap: each line of the text wrapped separately with Python's {@code textwrap.wrap} rules
 * (no tab expansion, whitespace kept as is, long words broken at hyphens first).
 */
final class TextWrap {
    private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
    private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
    private static final String WORD_PUNCT = "[\\w!\"'&.,?]";
    private static final String LETTER = "[^\\d\\W]";
    /** textwrap's word separator: whitespace, em-dashes, and words split after their hyphens. */
    private static final Pattern HYPHENATED = Pattern.compile(
            "(" + WS + "+"
                    + "|(?<=" + WORD_PUNCT + ")-{2,}(?=\\w)"
                    + "|" + NWS + "+?(?:-(?:(?<=" + LETTER + "{2}-)|(?<=" + LETTER + "-" + LETTER + "-))"
                    + "(?=" + LETTER + "-?" + LETTER + ")"
                    + "|(?=" + WS + "|\\z)"
                    + "|(?<=" + WORD_PUNCT + ")(?=-{2,}\\w)))",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITESPACE = Pattern.compile("(" + WS + "+)");

    private TextWrap() {
    }

    static String wordwrap(String text, int width, boolean breakLongWords, String wrapstring, boolean breakOnHyphens) {
        StringBuilder out = new StringBuilder();
        boolean firstPiece = true;
        for (Object line : StrSplit.splitlines(text, false)) {
            if (!firstPiece) {
                out.append(wrapstring);
            }
            firstPiece = false;
            boolean firstLine = true;
            for (String wrapped : wrap((String) line, width, breakLongWords, breakOnHyphens)) {
                // The wrap string can be long: check before each append, not after joining.
                PyLimits.checkString((long) out.length() + wrapstring.length() + wrapped.length());
                if (!firstLine) {
                    out.append(wrapstring);
                }
                firstLine = false;
                out.append(wrapped);
            }
        }
        return out.toString();
    }

    static List<String> wrap(String text, int width, boolean breakLongWords, boolean breakOnHyphens) {
        if (width <= 0) {
            throw PyException.valueError("invalid width " + width + " (must be > 0)");
        }
        List<String> chunks = split(text, breakOnHyphens);
        List<String> lines = new ArrayList<>();
        int next = 0;
        while (next < chunks.size()) {
            List<String> line = new ArrayList<>();
            int lineLength = 0;
            if (isBlank(chunks.get(next)) && !lines.isEmpty()) {
                next++;
            }
            while (next < chunks.size()) {
                int length = PyTypes.codePointLength(chunks.get(next));
                if (lineLength + length <= width) {
                    line.add(chunks.get(next++));
                    lineLength += length;
                } else {
                    break;
                }
            }
            if (next < chunks.size() && PyTypes.codePointLength(chunks.get(next)) > width) {
                int spaceLeft = width < 1 ? 1 : width - lineLength;
                String chunk = chunks.get(next);
                if (breakLongWords) {
                    int end = spaceLeft;
                    if (breakOnHyphens && PyTypes.codePointLength(chunk) > spaceLeft) {
                        String head = PyText.substring(chunk, 0, spaceLeft);
                        int hyphen = PyText.cpIndex(head, Math.max(head.lastIndexOf('-'), 0));
                        if (head.lastIndexOf('-') > 0 && !head.substring(0, head.lastIndexOf('-')).matches("-*")) {
                            end = hyphen + 1;
                        }
                    }
                    line.add(PyText.substring(chunk, 0, end));
                    chunks.set(next, PyText.substring(chunk, end, Integer.MAX_VALUE));
                } else if (line.isEmpty()) {
                    line.add(chunk);
                    next++;
                }
            }
            if (!line.isEmpty() && isBlank(line.get(line.size() - 1))) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(String.join("", line));
            }
        }
        return lines;
    }

    private static boolean isBlank(String s) {
        return StrSplit.strip(s, null, true, true).isEmpty();
    }

    private static List<String> split(String text, boolean breakOnHyphens) {
        Matcher m = (breakOnHyphens ? HYPHENATED : WHITESPACE).matcher(text);
        List<String> chunks = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                chunks.add(text.substring(last, m.start()));
            }
            if (!m.group(1).isEmpty()) {
                chunks.add(m.group(1));
            }
            last = m.end();
        }
        if (last < text.length()) {
            chunks.add(text.substring(last));
        }
        return chunks;
    }
}
