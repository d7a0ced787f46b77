package io.chatprep.template.py;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Jinja2's string filters: trim, join, title, replace, wordcount, indent, truncate, format, striptags, escape. */
public final class TextFilters {
    private TextFilters() {
    }

    public static String trim(Object value, Object chars) {
        return (String) PyMethods.call(PyStr.str(value), "strip", Collections.singletonList(chars == null ? PyNone.NONE : chars),
                Map.of());
    }

    /** Jinja2's join: str() of each item (or of each item's attribute) joined with {@code d}. */
    public static String join(Object value, Object separator, Object attribute) {
        List<?> items = PyFilters.iterate(value);
        AttributePath getter = attribute == null || attribute == PyNone.NONE ? null : new AttributePath(attribute);
        StringBuilder out = new StringBuilder();
        String sep = PyStr.str(separator);
        PyLimits.Clock clock = PyLimits.clock();
        for (int i = 0; i < items.size(); i++) {
            clock.tick();
            if (i > 0) {
                out.append(sep);
            }
            out.append(PyStr.str(getter == null ? items.get(i) : getter.get(items.get(i))));
            PyLimits.checkString(out.length());
        }
        return out.toString();
    }

    /** Jinja2's title: capitalizes each piece after a run of '-', whitespace, '(', '{', '[' or '<'. */
    public static String title(Object value) {
        String s = PyStr.str(value);
        StringBuilder out = new StringBuilder(s.length());
        boolean atStart = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean separator = cp == '-' || cp == '(' || cp == '{' || cp == '[' || cp == '<' || isRegexSpace(cp);
            String c = new String(Character.toChars(cp));
            if (separator) {
                out.append(c);
                atStart = true;
            } else if (atStart) {
                out.append(c.toUpperCase(java.util.Locale.ROOT));
                atStart = false;
            } else {
                out.append(c.toLowerCase(java.util.Locale.ROOT));
            }
        }
        PyLimits.checkString(out.length());
        return out.toString();
    }

    /** Python's {@code \s} in a str pattern: str.isspace characters. */
    private static boolean isRegexSpace(int cp) {
        return PyText.isSpace(cp);
    }

    public static String replace(Object value, Object old, Object replacement, Object count) {
        List<Object> args = new ArrayList<>(List.of(PyStr.str(old), PyStr.str(replacement)));
        if (count != null && count != PyNone.NONE) {
            args.add(count);
        }
        return (String) PyMethods.call(PyStr.str(value), "replace", args, Map.of());
    }

    /** Number of {@code \w+} runs (Unicode letters, digits and underscore). */
    public static long wordcount(Object value) {
        String s = PyStr.str(value);
        long count = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean word = cp == '_' || Character.isLetter(cp) || isNumericChar(cp);
            if (word && !inWord) {
                count++;
            }
            inWord = word;
        }
        return count;
    }

    private static boolean isNumericChar(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Jinja2's indent: indents all lines but the first (unless {@code first}) and blank ones (unless {@code blank}). */
    public static String indent(Object value, Object width, boolean first, boolean blank) {
        if (!(value instanceof String)) {
            if (value == null) {
                throw PyOps.undefined();
            }
            throw PyException.typeError("unsupported operand type(s) for +=: '" + PyTypes.typeName(value) + "' and 'str'");
        }
        String indention;
        if (width instanceof String) {
            indention = (String) width;
        } else {
            indention = (String) PyArithmetic.mul(" ", width);
        }
        List<Object> lines = StrSplit.splitlines(value + "\n", false);
        StringBuilder out = new StringBuilder();
        if (blank) {
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    out.append('\n').append(indention);
                }
                out.append((String) lines.get(i));
                PyLimits.checkString(out.length());
            }
        } else {
            out.append((String) lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                String line = (String) lines.get(i);
                out.append('\n');
                if (!line.isEmpty()) {
                    out.append(indention);
                }
                out.append(line);
                PyLimits.checkString(out.length());
            }
        }
        if (first) {
            PyLimits.checkString((long) out.length() + indention.length());
            return indention + out;
        }
        return out.toString();
    }

    /** Jinja2's truncate (default leeway 5). */
    public static String truncate(Object value, Object length, boolean killwords, Object end, Object leeway) {
        String s = PyStr.str(value);
        String ending = PyStr.str(end);
        long max = PyTypes.toLong(length);
        long slack = PyTypes.toLong(leeway);
        int endLength = PyTypes.codePointLength(ending);
        if (max < endLength) {
            throw new PyException("AssertionError", "expected length >= " + endLength + ", got " + max);
        }
        if (slack < 0) {
            throw new PyException("AssertionError", "expected leeway >= 0, got " + slack);
        }
        if (PyTypes.codePointLength(s) <= max + slack) {
            return s;
        }
        String head = PyText.substring(s, 0, (int) (max - endLength));
        if (killwords) {
            return head + ending;
        }
        int space = head.lastIndexOf(' ');
        return (space >= 0 ? head.substring(0, space) : head) + ending;
    }

    /** Jinja2's format filter: {@code value % args} (or {@code % kwargs}). */
    public static String format(Object value, List<Object> args, Map<String, Object> kwargs) {
        if (!args.isEmpty() && !kwargs.isEmpty()) {
            throw PyFilters.argumentError("can't handle positional and keyword arguments at the same time");
        }
        Object operand = !kwargs.isEmpty() ? kwargs : PyTuple.copyOf(args);
        return PyFormat.percent(PyStr.str(value), operand);
    }

    /** markupsafe's striptags: drops comments and tags, collapses whitespace, unescapes entities. */
    public static String striptags(Object value) {
        String s = PyStr.str(value);
        int start;
        while ((start = s.indexOf("<!--")) >= 0) {
            int end = s.indexOf("-->", start);
            if (end < 0) {
                break;
            }
            s = s.substring(0, start) + s.substring(end + 3);
        }
        while ((start = s.indexOf('<')) >= 0) {
            int end = s.indexOf('>', start);
            if (end < 0) {
                break;
            }
            s = s.substring(0, start) + s.substring(end + 1);
        }
        String collapsed = String.join(" ", StrSplit.split(s, null, -1).stream().map(String.class::cast)
                .toArray(String[]::new));
        return Html.unescape(collapsed);
    }

    /** markupsafe's escape of {@code str(value)}. */
    public static String escape(Object value) {
        String s = PyStr.str(value);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&#34;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        PyLimits.checkString(out.length());
        return out.toString();
    }
}
