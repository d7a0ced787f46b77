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

/** Python's str methods, indexing by code point. */
final class StrMethods {
    private StrMethods() {
    }

    static Object call(String s, String name, List<Object> args, Map<String, Object> kw) {
        switch (name) {
            case "strip":
            case "lstrip":
            case "rstrip": {
                Object[] p = bind(name, args, kw, 0, "chars");
                return strip(s, isAbsentOrNone(p[0]) ? null : stringArg(name + " arg must be None or str", p[0]),
                        !name.equals("rstrip"), !name.equals("lstrip"));
            }
            case "split":
            case "rsplit": {
                Object[] p = bind(name, args, kw, 0, "sep", "maxsplit");
                String sep = isAbsentOrNone(p[0]) ? null : stringArg("must be str or None, not " + PyTypes.typeName(p[0]), p[0]);
                long max = intArg(name, p[1], -1);
                List<Object> parts = name.equals("split") ? split(s, sep, max) : rsplit(s, sep, max);
                return Collections.unmodifiableList(parts);
            }
            case "splitlines": {
                Object[] p = bind(name, args, kw, 0, "keepends");
                return Collections.unmodifiableList(splitlines(s, !isAbsent(p[0]) && PyOps.truthy(p[0])));
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
                return casefold(s);
            case "swapcase":
                bind(name, args, kw, 0);
                return swapcase(s);
            case "title":
                bind(name, args, kw, 0);
                return title(s);
            case "capitalize":
                bind(name, args, kw, 0);
                return capitalize(s);
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
                return classify(s, name);
            case "isupper":
            case "islower":
                bind(name, args, kw, 0);
                return caseCheck(s, name.equals("isupper"));
            case "istitle":
                bind(name, args, kw, 0);
                return istitle(s);
            case "isascii":
                bind(name, args, kw, 0);
                return s.chars().allMatch(c -> c < 0x80);
            case "isprintable":
                bind(name, args, kw, 0);
                return s.codePoints().allMatch(PyStr::isPrintable);
            case "isidentifier":
                bind(name, args, kw, 0);
                return isIdentifier(s);
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

    private static String checked(String s) {
        PyLimits.checkString(s.length());
        return s;
    }

    // ---------------------------------------------------------------- strip / split

    static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end) {
                int cp = s.codePointAt(start);
                if (!stripped(cp, chars)) {
                    break;
                }
                start += Character.charCount(cp);
            }
        }
        if (right) {
            while (end > start) {
                int cp = s.codePointBefore(end);
                if (!stripped(cp, chars)) {
                    break;
                }
                end -= Character.charCount(cp);
            }
        }
        return s.substring(start, end);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? PyText.isSpace(cp) : chars.indexOf(cp) >= 0;
    }

    static List<Object> split(String s, String sep, long maxsplit) {
        List<Object> out = new ArrayList<>();
        if (maxsplit < 0) {
            maxsplit = Long.MAX_VALUE;
        }
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && PyText.isSpace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                if (i >= n) {
                    break;
                }
                if (out.size() >= maxsplit) {
                    out.add(s.substring(i));
                    break;
                }
                int start = i;
                while (i < n && !PyText.isSpace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                out.add(s.substring(start, i));
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw PyException.valueError("empty separator");
        }
        int start = 0;
        while (out.size() < maxsplit) {
            int at = s.indexOf(sep, start);
            if (at < 0) {
                break;
            }
            out.add(s.substring(start, at));
            start = at + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    static List<Object> rsplit(String s, String sep, long maxsplit) {
        List<Object> out = new ArrayList<>();
        if (maxsplit < 0) {
            maxsplit = Long.MAX_VALUE;
        }
        if (sep == null) {
            int i = s.length();
            while (true) {
                while (i > 0 && PyText.isSpace(s.codePointBefore(i))) {
                    i -= Character.charCount(s.codePointBefore(i));
                }
                if (i <= 0) {
                    break;
                }
                if (out.size() >= maxsplit) {
                    out.add(s.substring(0, i));
                    break;
                }
                int end = i;
                while (i > 0 && !PyText.isSpace(s.codePointBefore(i))) {
                    i -= Character.charCount(s.codePointBefore(i));
                }
                out.add(s.substring(i, end));
            }
            Collections.reverse(out);
            return out;
        }
        if (sep.isEmpty()) {
            throw PyException.valueError("empty separator");
        }
        int end = s.length();
        while (out.size() < maxsplit) {
            int at = end - sep.length() < 0 ? -1 : s.lastIndexOf(sep, end - sep.length());
            if (at < 0) {
                break;
            }
            out.add(s.substring(at + sep.length(), end));
            end = at;
        }
        out.add(s.substring(0, end));
        Collections.reverse(out);
        return out;
    }

    static List<Object> splitlines(String s, boolean keepends) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (PyText.isLineBreak(cp)) {
                int eol = i + Character.charCount(cp);
                if (cp == '\r' && eol < n && s.charAt(eol) == '\n') {
                    eol++;
                }
                out.add(s.substring(start, keepends ? eol : i));
                start = eol;
                i = eol;
            } else {
                i += Character.charCount(cp);
            }
        }
        if (start < n) {
            out.add(s.substring(start));
        }
        return out;
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

    /**
     * Python's casefold: full lowercase after uppercasing (so 'ß' folds to "ss"), except where Unicode's case
     * folding differs from that: Cherokee folds to its uppercase letters, dotless i stays, capital sharp s
     * folds to "ss".
     */
    static String casefold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if ((cp >= 0x13a0 && cp <= 0x13f5) || cp == 0x131) {
                out.appendCodePoint(cp);
            } else if ((cp >= 0x13f8 && cp <= 0x13fd) || (cp >= 0xab70 && cp <= 0xabbf)) {
                out.appendCodePoint(Character.toUpperCase(cp));
            } else if (cp < 0x80) {
                out.appendCodePoint(Character.toLowerCase(cp));
            } else if (cp == 0x1e9e) {
                out.append("ss");
            } else {
                String c = new String(Character.toChars(cp));
                out.append(c.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
            }
        }
        return checked(out.toString());
    }

    private static String swapcase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (Character.isUpperCase(cp)) {
                out.append(c.toLowerCase(Locale.ROOT));
            } else if (Character.isLowerCase(cp)) {
                out.append(c.toUpperCase(Locale.ROOT));
            } else {
                out.append(c);
            }
        });
        return checked(out.toString());
    }

    /** Python's title(): a cased character after an uncased one is titlecased, others lowercased. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (previousCased) {
                out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            } else {
                out.append(titleCase(cp));
            }
            previousCased = PyText.isCased(cp);
        }
        return checked(out.toString());
    }

    private static String titleCase(int cp) {
        String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        if (upper.codePointCount(0, upper.length()) > 1) {
            // Full title-case mappings such as 'ß' -> 'Ss' keep the tail lowercase.
            int first = upper.codePointAt(0);
            return new String(Character.toChars(first))
                    + upper.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
        }
        return new String(Character.toChars(Character.toTitleCase(cp)));
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return checked(titleCase(first) + s.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
    }

    private static boolean classify(String s, String name) {
        if (s.isEmpty()) {
            return false;
        }
        return s.codePoints().allMatch(cp -> {
            switch (name) {
                case "isdigit":
                    return isDigit(cp);
                case "isdecimal":
                    return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
                case "isnumeric":
                    return isNumeric(cp);
                case "isalpha":
                    return Character.isLetter(cp);
                case "isalnum":
                    return Character.isLetter(cp) || isNumeric(cp);
                default:
                    return PyText.isSpace(cp);
            }
        });
    }

    private static boolean isDigit(int cp) {
        int type = Character.getType(cp);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return true;
        }
        // Superscripts and circled digits have Numeric_Type=Digit: a digit value but category No.
        int value = Character.getNumericValue(cp);
        return type == Character.OTHER_NUMBER && value >= 0 && value <= 9 && Character.digit(cp, 10) < 0
                && !isVulgarFraction(cp);
    }

    private static boolean isVulgarFraction(int cp) {
        return (cp >= 0xbc && cp <= 0xbe) || (cp >= 0x2150 && cp <= 0x215f) || cp == 0x2189;
    }

    /** CJK ideographs that Unicode gives a numeric value although they are letters (category Lo). */
    private static final String CJK_NUMERALS = "\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d"
            + "\u5341\u767e\u5343\u4e07\u842c\u5104\u4ebf\u5146\u58f9\u8cb3\u8d30\u53c1\u53c3\u8086\u4f0d"
            + "\u9678\u9646\u67d2\u634c\u7396\u62fe\u4f70\u4edf\u5169\u5eff\u5345\u534c";

    private static boolean isNumeric(int cp) {
        if (cp < 0x10000 && CJK_NUMERALS.indexOf(cp) >= 0) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean caseCheck(String s, boolean upper) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (upper ? (Character.isLowerCase(cp) || Character.isTitleCase(cp)) : (Character.isUpperCase(cp)
                    || Character.isTitleCase(cp))) {
                return false;
            }
            if (upper ? Character.isUpperCase(cp) : Character.isLowerCase(cp)) {
                cased = true;
            }
        }
        return cased;
    }

    private static boolean istitle(String s) {
        boolean cased = false;
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else if (Character.isLowerCase(cp)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else {
                previousCased = false;
            }
        }
        return cased;
    }

    /** Python's identifier rule (XID_Start then XID_Continue), approximated by Java's identifier classes. */
    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        if (!(first == '_' || Character.isUnicodeIdentifierStart(first))) {
            return false;
        }
        return s.codePoints().skip(1).allMatch(cp -> Character.isUnicodeIdentifierPart(cp)
                && !Character.isIdentifierIgnorable(cp));
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
