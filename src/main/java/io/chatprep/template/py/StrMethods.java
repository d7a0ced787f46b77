package io.chatprep.template.py;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.chatprep.template.py.PyMethods.bind;
import static io.chatprep.template.py.PyMethods.intArg;
import static io.chatprep.template.py.PyMethods.isAbsent;
import static io.chatprep.template.py.PyMethods.isAbsentOrNone;

/**
 * Python's str methods, indexing by code point: {@link #call} binds a method's arguments and runs it; splitting is
 * {@link StrSplit}, case mapping and character classes are {@link StrCase}.
 */
final class StrMethods {
    private StrMethods() {
    }

    static Object call(String s, String name, List<Object> args, Map<String, Object> kw) {
        switch (name) {
            case "strip":
            case "lstrip":
            case "rstrip": {
                Object[] p = bind(name, args, kw, 0, "chars");
                return StrSplit.strip(s, isAbsentOrNone(p[0]) ? null : stringArg(name + " arg must be None or str", p[0]),
                        !name.equals("rstrip"), !name.equals("lstrip"));
            }
            case "split":
            case "rsplit": {
                Object[] p = bind(name, args, kw, 0, "sep", "maxsplit");
                String sep = isAbsentOrNone(p[0]) ? null : stringArg("must be str or None, not " + PyTypes.typeName(p[0]), p[0]);
                long max = intArg(name, p[1], -1);
                List<Object> parts = name.equals("split") ? StrSplit.split(s, sep, max) : StrSplit.rsplit(s, sep, max);
                return Collections.unmodifiableList(parts);
            }
            case "splitlines": {
                Object[] p = bind(name, args, kw, 0, "keepends");
                return Collections.unmodifiableList(StrSplit.splitlines(s, !isAbsent(p[0]) && PyOps.truthy(p[0])));
            }
            case "startswith":
            case "endswith": {
                Object[] p = bind(name, args, kw, 1, "prefix", "start", "end");
                return affix(s, name, p[0], p[1], p[2]);
            }
            case "replace": {
                Object[] p = bind(name, args, kw, 2, "old", "new", "count");
                String old = stringArg("replace() argument 1 must be str, not " + PyTypes.typeName(p[0]), p[0]);
                String rep = stringArg("replace() argument 2 must be str, not " + PyTypes.typeName(p[1]), p[1]);
                return replace(s, old, rep, intArg(name, p[2], -1));
            }
            case "upper":
                bind(name, args, kw, 0);
                return checked(s.toUpperCase(Locale.ROOT));
            case "lower":
                bind(name, args, kw, 0);
                return checked(s.toLowerCase(Locale.ROOT));
            case "casefold":
                bind(name, args, kw, 0);
                return StrCase.casefold(s);
            case "swapcase":
                bind(name, args, kw, 0);
                return StrCase.swapcase(s);
            case "title":
                bind(name, args, kw, 0);
                return StrCase.title(s);
            case "capitalize":
                bind(name, args, kw, 0);
                return StrCase.capitalize(s);
            case "format":
                return PyFormat.strFormat(s, args, kw);
            case "format_map": {
                Object[] p = bind(name, args, kw, 1, "mapping");
                if (!(p[0] instanceof Map)) {
                    throw PyException.typeError("format_map() argument must be a mapping, not " + PyTypes.typeName(p[0]));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> mapping = (Map<String, Object>) p[0];
                return PyFormat.strFormat(s, List.of(), mapping);
            }
            case "join": {
                Object[] p = bind(name, args, kw, 1, "iterable");
                return join(s, p[0]);
            }
            case "find":
            case "rfind":
            case "index":
            case "rindex":
            case "count": {
                Object[] p = bind(name, args, kw, 1, "sub", "start", "end");
                String sub = stringArg("must be str, not " + PyTypes.typeName(p[0]), p[0]);
                return search(s, name, sub, p[1], p[2]);
            }
            case "isdigit":
            case "isalpha":
            case "isalnum":
            case "isspace":
            case "isnumeric":
            case "isdecimal":
                bind(name, args, kw, 0);
                return StrCase.classify(s, name);
            case "isupper":
            case "islower":
                bind(name, args, kw, 0);
                return StrCase.caseCheck(s, name.equals("isupper"));
            case "istitle":
                bind(name, args, kw, 0);
                return StrCase.istitle(s);
            case "isascii":
                bind(name, args, kw, 0);
                return s.chars().allMatch(c -> c < 0x80);
            case "isprintable":
                bind(name, args, kw, 0);
                return s.codePoints().allMatch(PyStr::isPrintable);
            case "isidentifier":
                bind(name, args, kw, 0);
                return StrCase.isIdentifier(s);
            case "zfill": {
                Object[] p = bind(name, args, kw, 1, "width");
                return zfill(s, intArg(name, p[0], 0));
            }
            case "center":
            case "ljust":
            case "rjust": {
                Object[] p = bind(name, args, kw, 1, "width", "fillchar");
                long width = intArg(name, p[0], 0);
                int fill = ' ';
                if (!isAbsent(p[1])) {
                    String f = stringArg(name + "() argument 2 must be str, not " + PyTypes.typeName(p[1]), p[1]);
                    if (PyTypes.codePointLength(f) != 1) {
                        throw PyException.typeError("The fill character must be exactly one character long");
                    }
                    fill = f.codePointAt(0);
                }
                return justify(s, name, width, fill);
            }
            case "partition":
            case "rpartition": {
                Object[] p = bind(name, args, kw, 1, "sep");
                String sep = stringArg("must be str, not " + PyTypes.typeName(p[0]), p[0]);
                if (sep.isEmpty()) {
                    throw PyException.valueError("empty separator");
                }
                int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
                if (at < 0) {
                    return name.equals("partition") ? PyTuple.of(s, "", "") : PyTuple.of("", "", s);
                }
                return PyTuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
            }
            case "removeprefix":
            case "removesuffix": {
                Object[] p = bind(name, args, kw, 1, "affix");
                String affix = stringArg(name + "() argument must be str, not " + PyTypes.typeName(p[0]), p[0]);
                if (name.equals("removeprefix")) {
                    return !affix.isEmpty() && s.startsWith(affix) ? s.substring(affix.length()) : s;
                }
                return !affix.isEmpty() && s.endsWith(affix) ? s.substring(0, s.length() - affix.length()) : s;
            }
            case "expandtabs": {
                Object[] p = bind(name, args, kw, 0, "tabsize");
                return expandtabs(s, intArg(name, p[0], 8));
            }
            default:
                throw new IllegalStateException(name);
        }
    }

    private static String stringArg(String message, Object value) {
        if (!(value instanceof String)) {
            throw PyException.typeError(message);
        }
        return (String) value;
    }

    static String checked(String s) {
        PyLimits.checkString(s.length());
        return s;
    }

    // ---------------------------------------------------------------- searching

    /** UTF-16 bounds of {@code s[start:end]} with Python's slice clamping of code point indices. */
    private static int[] window(String s, Object start, Object end) {
        int length = PyTypes.codePointLength(s);
        long from = isAbsentOrNone(start) ? 0 : intArg("slice", start, 0);
        long to = isAbsentOrNone(end) ? length : intArg("slice", end, length);
        if (from < 0) {
            from = Math.max(0, from + length);
        }
        if (to < 0) {
            to = Math.max(0, to + length);
        }
        to = Math.min(to, length);
        return new int[] {(int) from, (int) to};
    }

    private static Object affix(String s, String name, Object what, Object start, Object end) {
        List<String> candidates = new ArrayList<>();
        if (what instanceof String) {
            candidates.add((String) what);
        } else if (what instanceof PyTuple) {
            for (Object item : (PyTuple) what) {
                if (!(item instanceof String)) {
                    throw PyException.typeError("tuple for " + name + " must only contain str, not "
                            + PyTypes.typeName(item));
                }
                candidates.add((String) item);
            }
        } else {
            throw PyException.typeError(name + " first arg must be str or a tuple of str, not " + PyTypes.typeName(what));
        }
        int[] w = window(s, start, end);
        if (w[0] > PyTypes.codePointLength(s) || w[0] > w[1]) {
            return false;
        }
        String region = PyText.substring(s, w[0], w[1]);
        for (String c : candidates) {
            if (name.equals("startswith") ? region.startsWith(c) : region.endsWith(c)) {
                return true;
            }
        }
        return false;
    }

    private static Object search(String s, String name, String sub, Object start, Object end) {
        int[] w = window(s, start, end);
        int length = PyTypes.codePointLength(s);
        if (w[0] > length || (w[0] > w[1])) {
            if (name.equals("count")) {
                return 0L;
            }
            return notFound(name);
        }
        int from = PyText.offset(s, w[0]);
        int to = PyText.offset(s, w[1]);
        String region = s.substring(from, to);
        if (name.equals("count")) {
            if (sub.isEmpty()) {
                return (long) (w[1] - w[0] + 1);
            }
            long n = 0;
            int i = 0;
            while ((i = region.indexOf(sub, i)) >= 0) {
                n++;
                i += sub.length();
            }
            return n;
        }
        int at = name.startsWith("r") ? region.lastIndexOf(sub) : region.indexOf(sub);
        if (at < 0) {
            return notFound(name);
        }
        return (long) PyText.cpIndex(s, from + at);
    }

    private static Object notFound(String name) {
        if (name.endsWith("find")) {
            return -1L;
        }
        throw PyException.valueError("substring not found");
    }

    // ---------------------------------------------------------------- building

    static String replace(String s, String old, String rep, long count) {
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        if (count == 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        if (old.isEmpty()) {
            long done = 0;
            int i = 0;
            while (i <= s.length()) {
                if (done < count) {
                    out.append(rep);
                    done++;
                    PyLimits.checkString((long) out.length() + s.length() - i);
                }
                if (i == s.length()) {
                    break;
                }
                int cp = s.codePointAt(i);
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            return out.toString();
        }
        int start = 0;
        long done = 0;
        while (done < count) {
            int at = s.indexOf(old, start);
            if (at < 0) {
                break;
            }
            out.append(s, start, at).append(rep);
            PyLimits.checkString((long) out.length() + s.length() - at);
            start = at + old.length();
            done++;
        }
        out.append(s, start, s.length());
        PyLimits.checkString(out.length());
        return out.toString();
    }

    static String join(String sep, Object iterable) {
        if (!(iterable instanceof List || iterable instanceof Map || iterable instanceof String)) {
            throw PyException.typeError("can only join an iterable");
        }
        List<?> items = iterableItems(iterable);
        StringBuilder out = new StringBuilder();
        PyLimits.Clock clock = PyLimits.clock();
        for (int i = 0; i < items.size(); i++) {
            clock.tick();
            Object item = items.get(i);
            if (!(item instanceof String)) {
                throw PyException.typeError("sequence item " + i + ": expected str instance, "
                        + PyTypes.typeName(item) + " found");
            }
            if (i > 0) {
                out.append(sep);
            }
            out.append((String) item);
            PyLimits.checkString(out.length());
        }
        return out.toString();
    }

    /** The items Python would iterate: list/tuple items, dict keys, str characters. */
    static List<?> iterableItems(Object value) {
        if (value instanceof List) {
            return (List<?>) value;
        }
        if (value instanceof Map) {
            return new ArrayList<>(((Map<?, ?>) value).keySet());
        }
        if (value instanceof String) {
            List<Object> chars = new ArrayList<>();
            ((String) value).codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (value == null) {
            return List.of();
        }
        if (value instanceof Iterable) {
            // a one-shot iterator (a template generator): drained, as Python's iteration consumes it
            List<Object> items = new ArrayList<>();
            ((Iterable<?>) value).forEach(items::add);
            return items;
        }
        throw PyException.typeError("'" + PyTypes.typeName(value) + "' object is not iterable");
    }

    private static String zfill(String s, long width) {
        int length = PyTypes.codePointLength(s);
        if (width <= length) {
            return s;
        }
        PyLimits.checkString(width);
        String zeros = "0".repeat((int) (width - length));
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + zeros + s.substring(1);
        }
        return zeros + s;
    }

    private static String justify(String s, String name, long width, int fill) {
        int length = PyTypes.codePointLength(s);
        if (width <= length) {
            return s;
        }
        PyLimits.checkString(width);
        long margin = width - length;
        long left;
        if (name.equals("ljust")) {
            left = 0;
        } else if (name.equals("rjust")) {
            left = margin;
        } else {
            // CPython's center() puts the odd extra on the left when the width is odd.
            left = margin / 2 + (margin & width & 1);
        }
        String f = new String(Character.toChars(fill));
        return f.repeat((int) left) + s + f.repeat((int) (margin - left));
    }

    private static String expandtabs(String s, long tabsize) {
        StringBuilder out = new StringBuilder();
        long column = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t') {
                if (tabsize > 0) {
                    long spaces = tabsize - (column % tabsize);
                    PyLimits.checkString(out.length() + spaces);
                    out.append(" ".repeat((int) spaces));
                    column += spaces;
                }
            } else {
                out.appendCodePoint(cp);
                column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
            }
        }
        return out.toString();
    }
}
