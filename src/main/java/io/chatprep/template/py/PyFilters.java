package io.chatprep.template.py;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2 3.1's built-in filters as pure functions over the value model, with transformers' {@code tojson}.
 * {@link #call} applies a filter by name with a template's positional and keyword arguments; the filters
 * themselves are static methods of {@link NumberFilters}, {@link TextFilters} and {@link SequenceFilters}.
 * Generator-returning filters of Jinja2 ({@code batch}, {@code slice}, {@code unique},
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
                return SequenceFilters.map(value, a, kw);
            case "select":
            case "reject":
                return SequenceFilters.selectOrReject(value, a, kw, name.equals("select"), false);
            case "selectattr":
            case "rejectattr":
                return SequenceFilters.selectOrReject(value, a, kw, name.equals("selectattr"), true);
            case "groupby":
                p = bind(name, a, kw, 1, "attribute", "default", "case_sensitive");
                return SequenceFilters.groupby(value, p[0], or(p[1], null), PyOps.truthy(or(p[2], false)));
            case "attr":
                p = bind(name, a, kw, 1, "name");
                return SequenceFilters.attr(value, p[0]);
            case "tojson":
                p = bind(name, a, kw, 0, "ensure_ascii", "indent", "separators", "sort_keys");
                return tojson(value, PyOps.truthy(or(p[0], false)), or(p[1], null), or(p[2], null),
                        PyOps.truthy(or(p[3], false)));
            case "items":
                bind(name, a, kw, 0);
                return SequenceFilters.items(value);
            case "trim":
                p = bind(name, a, kw, 0, "chars");
                return TextFilters.trim(value, or(p[0], null));
            case "length":
            case "count":
                bind(name, a, kw, 0);
                return length(value);
            case "round":
                p = bind(name, a, kw, 0, "precision", "method");
                return NumberFilters.round(value, or(p[0], 0L), or(p[1], "common"));
            case "string":
                bind(name, a, kw, 0);
                return PyStr.str(value);
            case "int":
                p = bind(name, a, kw, 0, "default", "base");
                return NumberFilters.toInt(value, or(p[0], 0L), or(p[1], 10L));
            case "float":
                p = bind(name, a, kw, 0, "default");
                return NumberFilters.toFloat(value, or(p[0], 0.0));
            case "join":
                p = bind(name, a, kw, 0, "d", "attribute");
                return TextFilters.join(value, or(p[0], ""), or(p[1], null));
            case "upper":
                bind(name, a, kw, 0);
                return PyMethods.call(PyStr.str(value), "upper", List.of(), Map.of());
            case "lower":
                bind(name, a, kw, 0);
                return PyMethods.call(PyStr.str(value), "lower", List.of(), Map.of());
            case "capitalize":
                bind(name, a, kw, 0);
                return StrCase.capitalize(PyStr.str(value));
            case "title":
                bind(name, a, kw, 0);
                return TextFilters.title(value);
            case "replace":
                p = bind(name, a, kw, 2, "old", "new", "count");
                return TextFilters.replace(value, p[0], p[1], or(p[2], null));
            case "reverse":
                bind(name, a, kw, 0);
                return SequenceFilters.reverse(value);
            case "sort":
                p = bind(name, a, kw, 0, "reverse", "case_sensitive", "attribute");
                return SequenceFilters.sort(value, PyOps.truthy(or(p[0], false)), PyOps.truthy(or(p[1], false)), or(p[2], null));
            case "unique":
                p = bind(name, a, kw, 0, "case_sensitive", "attribute");
                return SequenceFilters.unique(value, PyOps.truthy(or(p[0], false)), or(p[1], null));
            case "dictsort":
                p = bind(name, a, kw, 0, "case_sensitive", "by", "reverse");
                return SequenceFilters.dictsort(value, PyOps.truthy(or(p[0], false)), or(p[1], "key"), PyOps.truthy(or(p[2], false)));
            case "sum":
                p = bind(name, a, kw, 0, "attribute", "start");
                return SequenceFilters.sum(value, or(p[0], null), or(p[1], 0L));
            case "batch":
                p = bind(name, a, kw, 1, "linecount", "fill_with");
                return SequenceFilters.batch(value, p[0], or(p[1], null));
            case "slice":
                p = bind(name, a, kw, 1, "slices", "fill_with");
                return SequenceFilters.slice(value, p[0], or(p[1], null));
            case "wordcount":
                bind(name, a, kw, 0);
                return TextFilters.wordcount(value);
            case "first":
                bind(name, a, kw, 0);
                return SequenceFilters.first(value);
            case "last":
                bind(name, a, kw, 0);
                return SequenceFilters.last(value);
            case "list":
                bind(name, a, kw, 0);
                return SequenceFilters.list(value);
            case "indent":
                p = bind(name, a, kw, 0, "width", "first", "blank");
                return TextFilters.indent(value, or(p[0], 4L), PyOps.truthy(or(p[1], false)), PyOps.truthy(or(p[2], false)));
            case "center":
                p = bind(name, a, kw, 0, "width");
                return PyMethods.call(PyStr.str(value), "center", List.of(or(p[0], 80L)), Map.of());
            case "abs":
                bind(name, a, kw, 0);
                return NumberFilters.abs(value);
            case "min":
            case "max":
                p = bind(name, a, kw, 0, "case_sensitive", "attribute");
                return SequenceFilters.minMax(value, name.equals("max"), PyOps.truthy(or(p[0], false)), or(p[1], null));
            case "default":
            case "d":
                p = bind(name, a, kw, 0, "default_value", "boolean");
                return defaultValue(value, or(p[0], ""), PyOps.truthy(or(p[1], false)));
            case "truncate":
                p = bind(name, a, kw, 0, "length", "killwords", "end", "leeway");
                return TextFilters.truncate(value, or(p[0], 255L), PyOps.truthy(or(p[1], false)), or(p[2], "..."), or(p[3], 5L));
            case "wordwrap":
                p = bind(name, a, kw, 0, "width", "break_long_words", "wrapstring", "break_on_hyphens");
                return TextWrap.wordwrap(PyStr.str(value), intValue(or(p[0], 79L)), PyOps.truthy(or(p[1], true)),
                        or(p[2], null) == null ? "\n" : PyStr.str(p[2]), PyOps.truthy(or(p[3], true)));
            case "format":
                return TextFilters.format(value, a, kw);
            case "striptags":
                bind(name, a, kw, 0);
                return TextFilters.striptags(value);
            case "escape":
            case "e":
                bind(name, a, kw, 0);
                return TextFilters.escape(value);
            default:
                throw new PyException("TemplateRuntimeError", "No filter named '" + name + "'.");
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

    static PyException argumentError(String message) {
        return new PyException("FilterArgumentError", message);
    }

    static int intValue(Object value) {
        if (!PyTypes.isIntLike(value) || !PyTypes.fitsLong(value)) {
            throw PyException.typeError("'" + PyTypes.typeName(value) + "' object cannot be interpreted as an integer");
        }
        long n = PyTypes.toLong(value);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

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

    /** Jinja2's default: the fallback for Undefined, or for any falsy value when {@code boolean}. */
    public static Object defaultValue(Object value, Object fallback, boolean onFalsy) {
        if (value == null || (onFalsy && !PyOps.truthy(value))) {
            return fallback;
        }
        return value;
    }

    /** The items Python iterates for a value: list items, dict keys, str characters; Undefined is empty. */
    static List<?> iterate(Object value) {
        return StrMethods.iterableItems(value);
    }
}
