package io.chatprep.template.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2 3.1's built-in filters as pure functions over the value model, with transformers' {@code tojson}.
 * {@link #call} applies a filter by name with a template's positional and keyword arguments; each filter is
 * also a static method. Generator-returning filters of Jinja2 ({@code batch}, {@code slice}, {@code unique},
 * {@code reverse}, {@code items}) return lists here, which iterate and print as {@code |list} would.
 *
 * <p>Undefined input: string filters see {@code ""}, iterating filters see an empty sequence, {@code length}
 * gives 0, {@code default} substitutes, {@code int}/{@code float} raise UndefinedError as Jinja2 does.
 */
public final class PyFilters {
    private static final Set<String> NAMES = Set.of("tojson", "items", "trim", "length", "count", "round", "string",
            "int", "float", "join", "upper", "lower", "title", "capitalize", "replace", "reverse", "sort", "unique",
            "dictsort", "sum", "batch", "slice", "wordcount", "first", "last", "list", "indent", "center", "abs", "min",
            "max", "default", "d", "truncate", "wordwrap", "format", "striptags", "escape", "e", "map", "select",
            "reject", "selectattr", "rejectattr", "groupby", "attr");

    private PyFilters() {
    }

    /** True when {@link #call} knows the filter. */
    public static boolean has(String name) {
        return NAMES.contains(name);
    }

    /** The filter names {@link #call} knows. */
    public static Set<String> names() {
        return NAMES;
    }

    /** Applies filter {@code name} to {@code value} with the template's arguments. */
    public static Object call(String name, Object value, List<Object> args, Map<String, Object> kwargs) {
        List<Object> a = args == null ? List.of() : args;
        Map<String, Object> kw = kwargs == null ? Map.of() : kwargs;
        Object[] p;
        switch (name) {
            case "map":
                return map(value, a, kw);
            case "select":
            case "reject":
                return selectOrReject(value, a, kw, name.equals("select"), false);
            case "selectattr":
            case "rejectattr":
                return selectOrReject(value, a, kw, name.equals("selectattr"), true);
            case "groupby":
                p = bind(name, a, kw, 1, "attribute", "default", "case_sensitive");
                return groupby(value, p[0], or(p[1], null), PyOps.truthy(or(p[2], false)));
            case "attr":
                p = bind(name, a, kw, 1, "name");
                return attr(value, p[0]);
            case "tojson":
                p = bind(name, a, kw, 0, "ensure_ascii", "indent", "separators", "sort_keys");
                return tojson(value, PyOps.truthy(or(p[0], false)), or(p[1], null), or(p[2], null),
                        PyOps.truthy(or(p[3], false)));
            case "items":
                bind(name, a, kw, 0);
                return items(value);
            case "trim":
                p = bind(name, a, kw, 0, "chars");
                return trim(value, or(p[0], null));
            case "length":
            case "count":
                bind(name, a, kw, 0);
                return length(value);
            case "round":
                p = bind(name, a, kw, 0, "precision", "method");
                return round(value, or(p[0], 0L), or(p[1], "common"));
            case "string":
                bind(name, a, kw, 0);
                return PyStr.str(value);
            case "int":
                p = bind(name, a, kw, 0, "default", "base");
                return toInt(value, or(p[0], 0L), or(p[1], 10L));
            case "float":
                p = bind(name, a, kw, 0, "default");
                return toFloat(value, or(p[0], 0.0));
            case "join":
                p = bind(name, a, kw, 0, "d", "attribute");
                return join(value, or(p[0], ""), or(p[1], null));
            case "upper":
                bind(name, a, kw, 0);
                return PyMethods.call(PyStr.str(value), "upper", List.of(), Map.of());
            case "lower":
                bind(name, a, kw, 0);
                return PyMethods.call(PyStr.str(value), "lower", List.of(), Map.of());
            case "capitalize":
                bind(name, a, kw, 0);
                return StrMethods.capitalize(PyStr.str(value));
            case "title":
                bind(name, a, kw, 0);
                return title(value);
            case "replace":
                p = bind(name, a, kw, 2, "old", "new", "count");
                return replace(value, p[0], p[1], or(p[2], null));
            case "reverse":
                bind(name, a, kw, 0);
                return reverse(value);
            case "sort":
                p = bind(name, a, kw, 0, "reverse", "case_sensitive", "attribute");
                return sort(value, PyOps.truthy(or(p[0], false)), PyOps.truthy(or(p[1], false)), or(p[2], null));
            case "unique":
                p = bind(name, a, kw, 0, "case_sensitive", "attribute");
                return unique(value, PyOps.truthy(or(p[0], false)), or(p[1], null));
            case "dictsort":
                p = bind(name, a, kw, 0, "case_sensitive", "by", "reverse");
                return dictsort(value, PyOps.truthy(or(p[0], false)), or(p[1], "key"), PyOps.truthy(or(p[2], false)));
            case "sum":
                p = bind(name, a, kw, 0, "attribute", "start");
                return sum(value, or(p[0], null), or(p[1], 0L));
            case "batch":
                p = bind(name, a, kw, 1, "linecount", "fill_with");
                return batch(value, p[0], or(p[1], null));
            case "slice":
                p = bind(name, a, kw, 1, "slices", "fill_with");
                return slice(value, p[0], or(p[1], null));
            case "wordcount":
                bind(name, a, kw, 0);
                return wordcount(value);
            case "first":
                bind(name, a, kw, 0);
                return first(value);
            case "last":
                bind(name, a, kw, 0);
                return last(value);
            case "list":
                bind(name, a, kw, 0);
                return list(value);
            case "indent":
                p = bind(name, a, kw, 0, "width", "first", "blank");
                return indent(value, or(p[0], 4L), PyOps.truthy(or(p[1], false)), PyOps.truthy(or(p[2], false)));
            case "center":
                p = bind(name, a, kw, 0, "width");
                return PyMethods.call(PyStr.str(value), "center", List.of(or(p[0], 80L)), Map.of());
            case "abs":
                bind(name, a, kw, 0);
                return abs(value);
            case "min":
            case "max":
                p = bind(name, a, kw, 0, "case_sensitive", "attribute");
                return minMax(value, name.equals("max"), PyOps.truthy(or(p[0], false)), or(p[1], null));
            case "default":
            case "d":
                p = bind(name, a, kw, 0, "default_value", "boolean");
                return defaultValue(value, or(p[0], ""), PyOps.truthy(or(p[1], false)));
            case "truncate":
                p = bind(name, a, kw, 0, "length", "killwords", "end", "leeway");
                return truncate(value, or(p[0], 255L), PyOps.truthy(or(p[1], false)), or(p[2], "..."), or(p[3], 5L));
            case "wordwrap":
                p = bind(name, a, kw, 0, "width", "break_long_words", "wrapstring", "break_on_hyphens");
                return TextWrap.wordwrap(PyStr.str(value), intValue(or(p[0], 79L)), PyOps.truthy(or(p[1], true)),
                        or(p[2], null) == null ? "\n" : PyStr.str(p[2]), PyOps.truthy(or(p[3], true)));
            case "format":
                return format(value, a, kw);
            case "striptags":
                bind(name, a, kw, 0);
                return striptags(value);
            case "escape":
            case "e":
                bind(name, a, kw, 0);
                return escape(value);
            default:
                throw new PyException("TemplateAssertionError", "No filter named '" + name + "'.");
        }
    }

    private static Object[] bind(String name, List<Object> args, Map<String, Object> kwargs, int required,
            String... names) {
        return PyMethods.bind(name, args, kwargs, required, names);
    }

    /** The argument, or {@code fallback} when it was not passed. */
    private static Object or(Object value, Object fallback) {
        return PyMethods.isAbsent(value) ? fallback : value;
    }

    private static PyException argumentError(String message) {
        return new PyException("FilterArgumentError", message);
    }

    private static int intValue(Object value) {
        if (!PyTypes.isIntLike(value) || !PyTypes.fitsLong(value)) {
            throw PyException.typeError("'" + PyTypes.typeName(value) + "' object cannot be interpreted as an integer");
        }
        long n = PyTypes.toLong(value);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    // ---------------------------------------------------------------- serialization and conversion

    /** transformers' tojson: {@code json.dumps(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)}. */
    public static String tojson(Object value, boolean ensureAscii, Object indent, Object separators, boolean sortKeys) {
        String itemSep = null;
        String keySep = null;
        if (separators != null && separators != PyNone.NONE) {
            if (!(separators instanceof List) || ((List<?>) separators).size() != 2) {
                throw PyException.valueError("separators must be a pair of strings");
            }
            itemSep = PyStr.str(((List<?>) separators).get(0));
            keySep = PyStr.str(((List<?>) separators).get(1));
        }
        return PyJson.dumps(value, indent, itemSep, keySep, sortKeys, ensureAscii);
    }

    /** {@code x|items}: the (key, value) pairs of a mapping; Undefined gives none. */
    public static List<Object> items(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Map)) {
            throw PyException.typeError("Can only get item pairs from a mapping.");
        }
        List<Object> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            out.add(PyTuple.of(e.getKey(), e.getValue()));
        }
        return Collections.unmodifiableList(out);
    }

    public static String trim(Object value, Object chars) {
        return (String) PyMethods.call(PyStr.str(value), "strip", Collections.singletonList(chars == null ? PyNone.NONE : chars),
                Map.of());
    }

    /** Python's {@code len}: code points of a str, items of a list/tuple/dict; Undefined has length 0. */
    public static long length(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String) {
            return PyTypes.codePointLength((String) value);
        }
        if (value instanceof List) {
            return ((List<?>) value).size();
        }
        if (value instanceof Map) {
            return ((Map<?, ?>) value).size();
        }
        throw PyException.typeError("object of type '" + PyTypes.typeName(value) + "' has no len()");
    }

    /** Jinja2's round: Python's {@code round(value, precision)} for 'common', else ceil/floor at the precision. */
    public static Object round(Object value, Object precision, Object method) {
        if (!"common".equals(method) && !"ceil".equals(method) && !"floor".equals(method)) {
            throw argumentError("method must be common, ceil or floor");
        }
        if (value == null) {
            throw PyOps.undefined();
        }
        if (!PyTypes.isIntLike(precision)) {
            throw PyException.typeError("'" + PyTypes.typeName(precision) + "' object cannot be interpreted as an integer");
        }
        int digits = intValue(precision);
        if (method.equals("common")) {
            if (PyTypes.isIntLike(value)) {
                BigInteger v = PyTypes.toBigInteger(value);
                if (digits >= 0) {
                    return PyTypes.normalize(v);
                }
                BigDecimal rounded = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN);
                return PyTypes.normalize(rounded.setScale(0).toBigInteger());
            }
            if (!PyTypes.isFloat(value)) {
                throw PyException.typeError("type " + PyTypes.typeName(value) + " doesn't define __round__ method");
            }
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0 || digits > 330) {
                return d;
            }
            if (digits < -330) {
                return Math.copySign(0.0, d);
            }
            double r = new BigDecimal(d).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
            return r == 0 ? Math.copySign(0.0, d) : r;
        }
        Object scale = PyOps.pow(10L, (long) digits);
        Object scaled = PyOps.mul(value, scale);
        if (!PyTypes.isNumber(scaled)) {
            throw PyException.typeError("must be real number, not " + PyTypes.typeName(scaled));
        }
        Object whole;
        if (PyTypes.isIntLike(scaled)) {
            whole = PyTypes.canonicalInt(scaled instanceof Boolean ? (Object) PyTypes.toLong(scaled) : scaled);
        } else {
            double d = ((Number) scaled).doubleValue();
            if (Double.isNaN(d)) {
                throw PyException.valueError("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                throw new PyException("OverflowError", "cannot convert float infinity to integer");
            }
            double f = method.equals("ceil") ? Math.ceil(d) : Math.floor(d);
            whole = PyTypes.normalize(new BigDecimal(f).toBigInteger());
        }
        return PyOps.truediv(whole, scale);
    }

    /** Jinja2's int filter: int(value, base), else int(float(value)), else the default. */
    public static Object toInt(Object value, Object fallback, Object base) {
        if (value == null) {
            throw PyOps.undefined();
        }
        if (value instanceof String) {
            try {
                return parseInt((String) value, intValue(base));
            } catch (PyException e) {
                if (!e.pyType().equals("ValueError")) {
                    throw e;
                }
            }
            try {
                return truncate(PyFloat.parse((String) value));
            } catch (PyException e) {
                return fallback;
            }
        }
        if (PyTypes.isIntLike(value)) {
            return value instanceof Boolean ? (Object) PyTypes.toLong(value) : PyTypes.canonicalInt(value);
        }
        if (PyTypes.isFloat(value)) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return fallback;
            }
            return truncate(d);
        }
        return fallback;
    }

    private static Object truncate(double d) {
        if (Double.isNaN(d)) {
            throw PyException.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw new PyException("OverflowError", "cannot convert float infinity to integer");
        }
        return PyTypes.normalize(new BigDecimal(d).toBigInteger());
    }

    /** Python's {@code int(text, base)}: whitespace, sign, underscores between digits, 0x/0o/0b prefixes. */
    static Object parseInt(String text, int base) {
        String s = StrMethods.strip(text, null, true, true);
        String invalid = "invalid literal for int() with base " + base + ": " + PyStr.repr(text);
        if (base != 0 && (base < 2 || base > 36)) {
            throw PyException.valueError("int() base must be >= 2 and <= 36, or 0");
        }
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        int radix = base;
        boolean prefixed = false;
        if (lower.length() >= 2 && lower.charAt(0) == '0' && "xob".indexOf(lower.charAt(1)) >= 0) {
            int prefixRadix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
            if (base == 0 || base == prefixRadix) {
                radix = prefixRadix;
                s = s.substring(2);
                prefixed = true;
                if (s.startsWith("_")) {
                    s = s.substring(1);
                }
            }
        }
        if (radix == 0) {
            radix = 10;
            if (s.length() > 1 && s.charAt(0) == '0' && !s.replace("_", "").matches("0+")) {
                throw PyException.valueError(invalid);
            }
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            throw PyException.valueError(invalid);
        }
        String digits = s.replace("_", "");
        BigInteger result = BigInteger.ZERO;
        BigInteger r = BigInteger.valueOf(radix);
        for (int i = 0; i < digits.length(); ) {
            int cp = digits.codePointAt(i);
            i += Character.charCount(cp);
            int d = Character.digit(cp, radix);
            if (d < 0) {
                throw PyException.valueError(invalid);
            }
            result = result.multiply(r).add(BigInteger.valueOf(d));
        }
        if (prefixed && digits.isEmpty()) {
            throw PyException.valueError(invalid);
        }
        return PyTypes.normalize(negative ? result.negate() : result);
    }

    /** Jinja2's float filter: float(value), else the default. */
    public static Object toFloat(Object value, Object fallback) {
        if (value == null) {
            throw PyOps.undefined();
        }
        if (value instanceof String) {
            try {
                return PyFloat.parse((String) value);
            } catch (PyException e) {
                return fallback;
            }
        }
        if (PyTypes.isNumber(value)) {
            return PyTypes.toDouble(value);
        }
        return fallback;
    }

    // ---------------------------------------------------------------- strings

    /** Jinja2's join: str() of each item (or of each item's attribute) joined with {@code d}. */
    public static String join(Object value, Object separator, Object attribute) {
        List<?> items = iterate(value);
        Attribute getter = attribute == null || attribute == PyNone.NONE ? null : new Attribute(attribute);
        StringBuilder out = new StringBuilder();
        String sep = PyStr.str(separator);
        for (int i = 0; i < items.size(); i++) {
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
            indention = (String) PyOps.mul(" ", width);
        }
        List<Object> lines = StrMethods.splitlines(value + "\n", false);
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
            throw argumentError("can't handle positional and keyword arguments at the same time");
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
        String collapsed = String.join(" ", StrMethods.split(s, null, -1).stream().map(String.class::cast)
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

    // ---------------------------------------------------------------- sequences

    /** The items Python iterates for a value: list items, dict keys, str characters; Undefined is empty. */
    static List<?> iterate(Object value) {
        return StrMethods.iterableItems(value);
    }

    /** Python's {@code list(value)}. */
    public static List<Object> list(Object value) {
        return Collections.unmodifiableList(new ArrayList<>(iterate(value)));
    }

    public static Object reverse(Object value) {
        if (value instanceof String) {
            return PyAccess.slice(value, null, null, -1L);
        }
        if (!(value instanceof List || value instanceof Map || value == null)) {
            throw argumentError("argument must be iterable");
        }
        List<Object> out = new ArrayList<>(iterate(value));
        Collections.reverse(out);
        return Collections.unmodifiableList(out);
    }

    public static Object first(Object value) {
        if (value != null && !(value instanceof List || value instanceof Map || value instanceof String)) {
            throw PyException.typeError("'" + PyTypes.typeName(value) + "' object is not iterable");
        }
        List<?> items = iterate(value);
        return items.isEmpty() ? null : items.get(0);
    }

    public static Object last(Object value) {
        if (value != null && !(value instanceof List || value instanceof Map || value instanceof String)) {
            throw PyException.typeError("'" + PyTypes.typeName(value) + "' object is not reversible");
        }
        List<?> items = iterate(value);
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }

    /** Jinja2's sort: stable, case-insensitive unless asked, by item or by (dotted, comma-separated) attributes. */
    public static List<Object> sort(Object value, boolean reverse, boolean caseSensitive, Object attribute) {
        List<?> items = iterate(value);
        List<String> specs = new ArrayList<>();
        if (attribute instanceof String) {
            for (Object part : StrMethods.split((String) attribute, ",", -1)) {
                specs.add((String) part);
            }
        }
        List<Object[]> keyed = new ArrayList<>(items.size());
        for (Object item : items) {
            List<Object> key = new ArrayList<>();
            if (attribute == null || attribute == PyNone.NONE) {
                key.add(caseSensitive ? item : ignoreCase(item));
            } else if (specs.isEmpty()) {
                key.add(postprocess(new Attribute(attribute).get(item), caseSensitive));
            } else {
                for (String spec : specs) {
                    key.add(postprocess(new Attribute(spec).get(item), caseSensitive));
                }
            }
            keyed.add(new Object[] {Collections.unmodifiableList(key), item});
        }
        sortKeyed(keyed, reverse);
        List<Object> out = new ArrayList<>(keyed.size());
        for (Object[] pair : keyed) {
            out.add(pair[1]);
        }
        return Collections.unmodifiableList(out);
    }

    /** Python's stable sort on precomputed keys; reverse keeps equal items in their original order. */
    private static void sortKeyed(List<Object[]> keyed, boolean reverse) {
        if (reverse) {
            keyed.sort((x, y) -> lessThan(y[0], x[0]) ? -1 : (lessThan(x[0], y[0]) ? 1 : 0));
        } else {
            keyed.sort((x, y) -> lessThan(x[0], y[0]) ? -1 : (lessThan(y[0], x[0]) ? 1 : 0));
        }
    }

    private static boolean lessThan(Object a, Object b) {
        return PyOps.lt(a, b);
    }

    private static Object postprocess(Object value, boolean caseSensitive) {
        return caseSensitive ? value : ignoreCase(value);
    }

    private static Object ignoreCase(Object value) {
        return value instanceof String ? ((String) value).toLowerCase(java.util.Locale.ROOT) : value;
    }

    /** Jinja2's unique: first occurrence of each (case-folded unless asked) item or attribute value. */
    public static List<Object> unique(Object value, boolean caseSensitive, Object attribute) {
        Attribute getter = attribute == null || attribute == PyNone.NONE ? null : new Attribute(attribute);
        Set<Object> seen = new HashSet<>();
        List<Object> out = new ArrayList<>();
        for (Object item : iterate(value)) {
            Object key = postprocess(getter == null ? item : getter.get(item), caseSensitive);
            if (seen.add(hashKey(key))) {
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A Java key that is equal exactly when the Python values are equal and hashable (1 == 1.0 == True). */
    static Object hashKey(Object value) {
        PyOps.requireHashable(value);
        if (PyTypes.isNumber(value)) {
            if (PyTypes.isIntLike(value)) {
                return PyTypes.toBigInteger(value);
            }
            double d = ((Number) value).doubleValue();
            if (!Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d)) {
                return new BigDecimal(d).toBigInteger();
            }
            return d;
        }
        if (value instanceof PyTuple) {
            List<Object> parts = new ArrayList<>();
            for (Object item : (PyTuple) value) {
                parts.add(hashKey(item));
            }
            return parts;
        }
        return value == null ? PyNone.class : value;
    }

    /** Jinja2's dictsort: the (key, value) pairs sorted by key or value. */
    public static List<Object> dictsort(Object value, boolean caseSensitive, Object by, boolean reverse) {
        int position;
        if ("key".equals(by)) {
            position = 0;
        } else if ("value".equals(by)) {
            position = 1;
        } else {
            throw argumentError("You can only sort by either \"key\" or \"value\"");
        }
        if (!(value instanceof Map)) {
            throw new PyException("AttributeError", "'" + PyTypes.typeName(value) + "' object has no attribute 'items'");
        }
        List<Object[]> keyed = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            Object key = position == 0 ? e.getKey() : e.getValue();
            keyed.add(new Object[] {postprocess(key, caseSensitive), PyTuple.of(e.getKey(), e.getValue())});
        }
        sortKeyed(keyed, reverse);
        List<Object> out = new ArrayList<>();
        for (Object[] pair : keyed) {
            out.add(pair[1]);
        }
        return Collections.unmodifiableList(out);
    }

    /** Python's {@code sum(items, start)}, over an attribute of each item when given. */
    public static Object sum(Object value, Object attribute, Object start) {
        if (start instanceof String) {
            throw PyException.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        Attribute getter = attribute == null || attribute == PyNone.NONE ? null : new Attribute(attribute);
        Object total = start;
        for (Object item : iterate(value)) {
            total = PyOps.add(total, getter == null ? item : getter.get(item));
        }
        return total;
    }

    /** Jinja2's batch: lists of {@code linecount} items, the last padded with {@code fillWith} if given. */
    public static List<Object> batch(Object value, Object linecount, Object fillWith) {
        int size = intValue(linecount);
        List<Object> out = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object item : iterate(value)) {
            if (current.size() == size) {
                out.add(Collections.unmodifiableList(current));
                current = new ArrayList<>();
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            if (fillWith != null && fillWith != PyNone.NONE) {
                while (current.size() < size) {
                    current.add(fillWith);
                }
            }
            out.add(Collections.unmodifiableList(current));
        }
        return Collections.unmodifiableList(out);
    }

    /** Jinja2's slice: {@code slices} columns, the first ones one longer, short ones padded with {@code fillWith}. */
    public static List<Object> slice(Object value, Object slices, Object fillWith) {
        int count = intValue(slices);
        List<?> seq = iterate(value);
        if (count == 0) {
            throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
        }
        int perSlice = Math.floorDiv(seq.size(), count);
        int withExtra = Math.floorMod(seq.size(), count);
        int offset = 0;
        List<Object> out = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            int start = offset + number * perSlice;
            if (number < withExtra) {
                offset++;
            }
            int end = offset + (number + 1) * perSlice;
            List<Object> column = new ArrayList<>(seq.subList(Math.min(start, seq.size()), Math.min(Math.max(end, start), seq.size())));
            if (fillWith != null && fillWith != PyNone.NONE && number >= withExtra) {
                column.add(fillWith);
            }
            out.add(Collections.unmodifiableList(column));
        }
        return Collections.unmodifiableList(out);
    }

    public static Object abs(Object value) {
        if (PyTypes.isIntLike(value)) {
            BigInteger v = PyTypes.toBigInteger(value);
            return PyTypes.normalize(v.abs());
        }
        if (PyTypes.isFloat(value)) {
            return Math.abs(((Number) value).doubleValue());
        }
        if (value == null) {
            throw PyOps.undefined();
        }
        throw PyException.typeError("bad operand type for abs(): '" + PyTypes.typeName(value) + "'");
    }

    /** Jinja2's min/max: the first smallest/largest item; Undefined for an empty sequence. */
    public static Object minMax(Object value, boolean max, boolean caseSensitive, Object attribute) {
        Attribute getter = attribute == null || attribute == PyNone.NONE ? null : new Attribute(attribute);
        List<?> items = iterate(value);
        if (items.isEmpty()) {
            return null;
        }
        Object best = items.get(0);
        Object bestKey = postprocess(getter == null ? best : getter.get(best), caseSensitive);
        for (int i = 1; i < items.size(); i++) {
            Object item = items.get(i);
            Object key = postprocess(getter == null ? item : getter.get(item), caseSensitive);
            if (max ? PyOps.gt(key, bestKey) : PyOps.lt(key, bestKey)) {
                best = item;
                bestKey = key;
            }
        }
        return best;
    }

    /** Jinja2's default: the fallback for Undefined, or for any falsy value when {@code boolean}. */
    public static Object defaultValue(Object value, Object fallback, boolean onFalsy) {
        if (value == null || (onFalsy && !PyOps.truthy(value))) {
            return fallback;
        }
        return value;
    }

    /** Jinja2's map: an attribute of each item ({@code attribute=}, {@code default=}) or a filter applied to each. */
    public static List<Object> map(Object value, List<Object> args, Map<String, Object> kwargs) {
        if (!PyOps.truthy(value)) {
            return List.of();
        }
        java.util.function.Function<Object, Object> func;
        if (args.isEmpty() && kwargs.containsKey("attribute")) {
            for (String key : kwargs.keySet()) {
                if (!key.equals("attribute") && !key.equals("default")) {
                    throw argumentError("Unexpected keyword argument " + PyStr.repr(key));
                }
            }
            Attribute getter = new Attribute(kwargs.get("attribute"));
            Object fallback = kwargs.get("default");
            func = item -> {
                Object v = getter.get(item, fallback);
                return v;
            };
        } else {
            if (args.isEmpty()) {
                throw argumentError("map requires a filter argument");
            }
            String filter = PyStr.str(args.get(0));
            List<Object> rest = args.subList(1, args.size());
            func = item -> call(filter, item, rest, kwargs);
        }
        List<Object> out = new ArrayList<>();
        for (Object item : iterate(value)) {
            out.add(func.apply(item));
        }
        return Collections.unmodifiableList(out);
    }

    /** Jinja2's select/reject and selectattr/rejectattr: keep items (or item attributes) passing a test. */
    public static List<Object> selectOrReject(Object value, List<Object> args, Map<String, Object> kwargs, boolean keep,
            boolean byAttribute) {
        if (!PyOps.truthy(value)) {
            return List.of();
        }
        Attribute getter = null;
        int offset = 0;
        if (byAttribute) {
            if (args.isEmpty()) {
                throw argumentError("Missing parameter for attribute name");
            }
            getter = new Attribute(args.get(0));
            offset = 1;
        }
        String test = args.size() > offset ? PyStr.str(args.get(offset)) : null;
        List<Object> testArgs = args.size() > offset + 1 ? args.subList(offset + 1, args.size()) : List.of();
        List<Object> out = new ArrayList<>();
        for (Object item : iterate(value)) {
            Object subject = getter == null ? item : getter.get(item);
            boolean passed = test == null ? PyOps.truthy(subject) : testWithKeywords(test, subject, testArgs, kwargs);
            if (passed == keep) {
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean testWithKeywords(String test, Object subject, List<Object> args, Map<String, Object> kwargs) {
        if (!PyTests.has(test)) {
            throw new PyException("TemplateRuntimeError", "No test named '" + test + "'.");
        }
        if (!kwargs.isEmpty()) {
            throw PyException.typeError("test_" + test + "() got an unexpected keyword argument '"
                    + kwargs.keySet().iterator().next() + "'");
        }
        return PyTests.call(test, subject, args);
    }

    /** Jinja2's groupby: (grouper, items) tuples sorted by the attribute. */
    public static List<Object> groupby(Object value, Object attribute, Object fallback, boolean caseSensitive) {
        Attribute getter = new Attribute(attribute);
        List<Object[]> keyed = new ArrayList<>();
        for (Object item : iterate(value)) {
            keyed.add(new Object[] {postprocess(getter.get(item, fallback), caseSensitive), item});
        }
        sortKeyed(keyed, false);
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < keyed.size()) {
            Object key = keyed.get(i)[0];
            List<Object> members = new ArrayList<>();
            while (i < keyed.size() && PyOps.eq(keyed.get(i)[0], key)) {
                members.add(keyed.get(i)[1]);
                i++;
            }
            Object grouper = caseSensitive ? key : getter.get(members.get(0), fallback);
            out.add(PyTuple.of(grouper, Collections.unmodifiableList(members)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Jinja2's attr: {@code obj.name} without falling back to {@code obj['name']}. Unsafe attributes (mutators,
     * underscore names) give Undefined here, as the sandbox does.
     */
    public static Object attr(Object obj, Object name) {
        if (obj == null) {
            throw PyOps.undefined();
        }
        String attribute = PyStr.str(name);
        if (!PyMethods.hasMethod(obj, attribute) || !PyMethods.isSafe(obj, attribute)) {
            return null;
        }
        return PyAccess.getattr(obj, attribute);
    }

    /** Jinja2's attribute path: dotted parts, numeric parts as ints, each looked up item-first. */
    static final class Attribute {
        private final List<Object> parts = new ArrayList<>();

        Attribute(Object attribute) {
            if (attribute instanceof String) {
                for (Object part : StrMethods.split((String) attribute, ".", -1)) {
                    String p = (String) part;
                    boolean digits = !p.isEmpty() && p.chars().allMatch(c -> c >= '0' && c <= '9');
                    parts.add(digits ? (Object) Long.parseLong(p) : p);
                }
            } else {
                parts.add(attribute);
            }
        }

        Object get(Object item) {
            return get(item, null);
        }

        /** The attribute, with {@code fallback} replacing an Undefined step (None means no fallback). */
        Object get(Object item, Object fallback) {
            Object current = item;
            for (Object part : parts) {
                current = PyAccess.getitem(current, part);
                if (current == null && fallback != null && fallback != PyNone.NONE) {
                    current = fallback;
                }
            }
            return current;
        }
    }
}
