package io.chatprep.template.py;

import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of template values.
 *
 * <p>Undefined (Java null) prints as the empty string under {@code str}, as Jinja2 prints an undefined
 * variable, and as {@code Undefined} under {@code repr}.
 */
public final class PyStr {
    private PyStr() {
    }

    /** Python's {@code str(value)}; Undefined gives {@code ""}. */
    public static String str(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return PyFloat.repr(((Number) value).doubleValue());
        }
        if (value instanceof List || value instanceof Map) {
            return repr(value);
        }
        return value.toString();
    }

    /** Python's {@code repr(value)}; Undefined gives {@code Undefined}. */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value) {
        if (value instanceof String) {
            appendQuoted(out, (String) value);
        } else if (value instanceof PyDictView) {
            out.append(((PyDictView) value).kind()).append("([");
            appendItems(out, (List<?>) value);
            out.append("])");
        } else if (value instanceof PyTuple) {
            List<?> tuple = (List<?>) value;
            out.append('(');
            appendItems(out, tuple);
            if (tuple.size() == 1) {
                out.append(',');
            }
            out.append(')');
        } else if (value instanceof List) {
            out.append('[');
            appendItems(out, (List<?>) value);
            out.append(']');
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            PyLimits.Clock clock = PyLimits.clock();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                clock.tick();
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendRepr(out, e.getKey());
                out.append(": ");
                appendRepr(out, e.getValue());
                PyLimits.checkString(out.length());
            }
            out.append('}');
        } else if (value == null) {
            out.append("Undefined");
        } else {
            out.append(str(value));
        }
        PyLimits.checkString(out.length());
    }

    private static void appendItems(StringBuilder out, List<?> items) {
        boolean first = true;
        PyLimits.Clock clock = PyLimits.clock();
        for (Object item : items) {
            clock.tick();
            if (!first) {
                out.append(", ");
            }
            first = false;
            appendRepr(out, item);
        }
    }

    /** Python's {@code ascii(value)}: the repr with every non-ASCII character escaped. */
    public static String ascii(Object value) {
        String repr = repr(value);
        StringBuilder out = new StringBuilder(repr.length());
        repr.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                appendHex(out, "\\x", cp, 2);
            } else if (cp <= 0xffff) {
                appendHex(out, "\\u", cp, 4);
            } else {
                appendHex(out, "\\U", cp, 8);
            }
        });
        return out.toString();
    }

    /** Python's repr of a str: single quotes unless the text has ' and no ", escapes for the rest. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s);
        return out.toString();
    }

    private static void appendQuoted(StringBuilder out, String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                appendHex(out, "\\x", cp, 2);
            } else if (cp < 0x7f || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                appendHex(out, "\\x", cp, 2);
            } else if (cp <= 0xffff) {
                appendHex(out, "\\u", cp, 4);
            } else {
                appendHex(out, "\\U", cp, 8);
            }
        }
        out.append(quote);
    }

    private static void appendHex(StringBuilder out, String prefix, int cp, int width) {
        String hex = Integer.toHexString(cp);
        out.append(prefix);
        for (int i = hex.length(); i < width; i++) {
            out.append('0');
        }
        out.append(hex);
    }

    /** Python's {@code str.isprintable} for one code point: everything but separators, controls, unassigned. */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
