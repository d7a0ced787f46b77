package io.chatprep.template.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Python's truthiness, comparison, containment and {@code ~} over template values, with Python's results and
 * TypeError messages; the arithmetic operators are {@link PyArithmetic}.
 *
 * <p>Undefined (Java null): falsy; {@code ==} is true only against another Undefined; arithmetic, ordering and
 * unary operators raise UndefinedError (the engine, which knows the variable's name, may reword it);
 * {@code ~} treats it as {@code ""}; {@code x in Undefined} is false.
 */
public final class PyOps {
    private PyOps() {
    }

    static PyException undefined() {
        return new PyException("UndefinedError", "value is undefined");
    }

    /** Python truthiness. */
    public static boolean truthy(Object value) {
        if (value == null || value == PyNone.NONE) {
            return false;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            return !((String) value).isEmpty();
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).signum() != 0;
        }
        if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            return d != 0 || Double.isNaN(d);
        }
        if (value instanceof java.util.Collection) {
            return !((java.util.Collection<?>) value).isEmpty();
        }
        if (value instanceof Map) {
            return !((Map<?, ?>) value).isEmpty();
        }
        return true;
    }

    // ---------------------------------------------------------------- equality and ordering

    /** Python {@code a == b}: 1 == 1.0 == True, "1" != 1, list != tuple, deep equality of containers. */
    public static boolean eq(Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double && ((Double) a).isNaN());
        }
        if (a == null || b == null) {
            return false;
        }
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            return !isNaNPair(a, b) && numericCompare(a, b) == 0;
        }
        if (a instanceof String || b instanceof String) {
            return a.equals(b);
        }
        if (a instanceof PyDictView || b instanceof PyDictView) {
            return viewsEqual(a, b);
        }
        if (a instanceof List && b instanceof List) {
            if ((a instanceof PyTuple) != (b instanceof PyTuple)) {
                return false;
            }
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            PyLimits.Clock clock = PyLimits.clock();
            for (int i = 0; i < x.size(); i++) {
                clock.tick();
                if (!eq(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object key = findKey(y, e.getKey());
                if (key == MISSING || !eq(e.getValue(), y.get(key))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** dict_keys and dict_items compare as sets; dict_values only to themselves. */
    private static boolean viewsEqual(Object a, Object b) {
        if (!(a instanceof PyDictView && b instanceof PyDictView)) {
            return false;
        }
        PyDictView x = (PyDictView) a;
        PyDictView y = (PyDictView) b;
        if (!x.kind().equals(y.kind()) || x.kind().equals("dict_values") || x.size() != y.size()) {
            return false;
        }
        for (Object item : x) {
            if (!contains(y, item)) {
                return false;
            }
        }
        return true;
    }

    public static boolean ne(Object a, Object b) {
        return !eq(a, b);
    }

    private static final Object MISSING = new Object();

    /** The key object under which {@code map} holds a key Python-equal to {@code key}, or a private marker. */
    private static Object findKey(Map<?, ?> map, Object key) {
        if (key != null && map.containsKey(key)) {
            return key;
        }
        if (PyTypes.isNumber(key) || key == null) {
            for (Object k : map.keySet()) {
                if (eq(k, key)) {
                    return k;
                }
            }
        }
        return MISSING;
    }

    /** True when {@code map} has a key Python-equal to {@code key} (so 1, 1.0 and True find each other). */
    public static boolean hasKey(Map<?, ?> map, Object key) {
        return findKey(map, key) != MISSING;
    }

    /** The value under a key Python-equal to {@code key}, or Java null (Undefined) when absent. */
    public static Object lookup(Map<?, ?> map, Object key) {
        if (key instanceof String) {
            return map.get(key);
        }
        Object found = findKey(map, key);
        return found == MISSING ? null : map.get(found);
    }

    public static boolean lt(Object a, Object b) {
        return compare(a, b, "<") < 0;
    }

    public static boolean le(Object a, Object b) {
        if (isNaNPair(a, b)) {
            return false;
        }
        return compare(a, b, "<=") <= 0;
    }

    public static boolean gt(Object a, Object b) {
        return compare(a, b, ">") > 0;
    }

    public static boolean ge(Object a, Object b) {
        if (isNaNPair(a, b)) {
            return false;
        }
        return compare(a, b, ">=") >= 0;
    }

    private static boolean isNaNPair(Object a, Object b) {
        if (!PyTypes.isNumber(a) || !PyTypes.isNumber(b)) {
            return false;
        }
        return (a instanceof Double && ((Double) a).isNaN()) || (b instanceof Double && ((Double) b).isNaN());
    }

    /**
     * Three-way comparison with Python's ordering rules (numbers, str by code point, lists/tuples
     * lexicographically); {@code op} names the operator in the TypeError raised for unorderable types. NaN
     * compares as neither less nor greater (0), which makes {@code <} and {@code >} false as in Python.
     */
    public static int compare(Object a, Object b, String op) {
        if (a == null || b == null) {
            throw undefined();
        }
        if (PyTypes.isNumber(a) && PyTypes.isNumber(b)) {
            return numericCompare(a, b);
        }
        if (a instanceof String && b instanceof String) {
            return compareCodePoints((String) a, (String) b);
        }
        if (PyTypes.isSequence(a) && PyTypes.isSequence(b) && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                if (!eq(x.get(i), y.get(i))) {
                    return compare(x.get(i), y.get(i), op);
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw PyException.typeError("'" + op + "' not supported between instances of '" + PyTypes.typeName(a)
                + "' and '" + PyTypes.typeName(b) + "'");
    }

    /** Compares strings by code point, as Python does (UTF-16 order differs for astral characters). */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Exact comparison of two Python numbers (ints compare exactly with floats). */
    static int numericCompare(Object a, Object b) {
        if (PyTypes.isIntLike(a) && PyTypes.isIntLike(b)) {
            if (PyTypes.fitsLong(a) && PyTypes.fitsLong(b)) {
                return Long.compare(PyTypes.toLong(a), PyTypes.toLong(b));
            }
            return PyTypes.toBigInteger(a).compareTo(PyTypes.toBigInteger(b));
        }
        if (PyTypes.isFloat(a) && PyTypes.isFloat(b)) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        boolean floatFirst = PyTypes.isFloat(a);
        double f = ((Number) (floatFirst ? a : b)).doubleValue();
        Object i = floatFirst ? b : a;
        int c;
        if (Double.isNaN(f)) {
            c = 0;
        } else if (Double.isInfinite(f)) {
            c = f > 0 ? 1 : -1;
        } else {
            c = new BigDecimal(f).compareTo(new BigDecimal(PyTypes.toBigInteger(i)));
        }
        return floatFirst ? c : -c;
    }

    /** Jinja's {@code a ~ b}: concatenation of {@code str()} of both sides. */
    public static String concat(Object a, Object b) {
        String x = PyStr.str(a);
        String y = PyStr.str(b);
        PyLimits.checkString((long) x.length() + y.length());
        return x.concat(y);
    }

    /** Python {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container == null) {
            return false;
        }
        if (container instanceof String) {
            if (!(item instanceof String)) {
                throw PyException.typeError("'in <string>' requires string as left operand, not "
                        + PyTypes.typeName(item));
            }
            return ((String) container).contains((String) item);
        }
        if (container instanceof List) {
            PyLimits.Clock clock = PyLimits.clock();
            for (Object element : (List<?>) container) {
                clock.tick();
                if (eq(element, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map) {
            requireHashable(item);
            return hasKey((Map<?, ?>) container, item);
        }
        throw PyException.typeError("argument of type '" + PyTypes.typeName(container) + "' is not iterable");
    }

    /** Raises Python's TypeError for values that cannot be dict keys. */
    public static void requireHashable(Object key) {
        if (key instanceof Map || (key instanceof List && !(key instanceof PyTuple))) {
            // lists, dicts and dict views have no hash
            throw PyException.typeError("unhashable type: '" + PyTypes.typeName(key) + "'");
        }
    }

    /**
     * The items Python's {@code for} visits: list/tuple items, dict keys, str characters (code points); Undefined
     * iterates as empty. TypeError for values that are not iterable.
     */
    public static List<?> iterate(Object value) {
        return StrMethods.iterableItems(value);
    }

    /** Python's {@code len}; Undefined has length 0. */
    public static long len(Object value) {
        return PyFilters.length(value);
    }

    public static boolean notContains(Object container, Object item) {
        return !contains(container, item);
    }
}
