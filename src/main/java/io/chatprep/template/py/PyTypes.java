package io.chatprep.template.py;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python type checks and conversions over the value model described in {@code package-info}. */
public final class PyTypes {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PyTypes() {
    }

    /** Python's {@code type(x).__name__}; Java null (Undefined) is {@code Undefined}. */
    public static String typeName(Object value) {
        if (value == null) {
            return "Undefined";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (isIntegral(value)) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value == PyNone.NONE) {
            return "NoneType";
        }
        if (value instanceof PyTuple) {
            return "tuple";
        }
        if (value instanceof PyDictView) {
            return ((PyDictView) value).kind();
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof PyTyped) {
            return ((PyTyped) value).pyTypeName();
        }
        return value.getClass().getSimpleName();
    }

    /** True for Python ints, not bools. */
    public static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte;
    }

    /** True for int or bool (bool is a subclass of int in Python). */
    public static boolean isIntLike(Object value) {
        return value instanceof Boolean || isIntegral(value);
    }

    public static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float;
    }

    /** True for bool, int or float. */
    public static boolean isNumber(Object value) {
        return isIntLike(value) || isFloat(value);
    }

    public static boolean isString(Object value) {
        return value instanceof String;
    }

    public static boolean isList(Object value) {
        return value instanceof List && !(value instanceof PyTuple) && !(value instanceof PyDictView);
    }

    public static boolean isTuple(Object value) {
        return value instanceof PyTuple;
    }

    /** list or tuple: indexable, sliceable, concatenable (dict views are Lists in Java but none of these). */
    public static boolean isSequence(Object value) {
        return value instanceof List && !(value instanceof PyDictView);
    }

    public static boolean isDict(Object value) {
        return value instanceof Map;
    }

    public static boolean isNone(Object value) {
        return value == PyNone.NONE;
    }

    /** An int or bool as a BigInteger. */
    public static BigInteger toBigInteger(Object value) {
        if (value instanceof BigInteger) {
            return (BigInteger) value;
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? BigInteger.ONE : BigInteger.ZERO;
        }
        return BigInteger.valueOf(((Number) value).longValue());
    }

    /** True when an int-like value fits a long. */
    public static boolean fitsLong(Object value) {
        return !(value instanceof BigInteger) || ((BigInteger) value).bitLength() < 64;
    }

    /** An int-like value that fits a long, as a long. */
    public static long toLong(Object value) {
        if (value instanceof Boolean) {
            return ((Boolean) value) ? 1 : 0;
        }
        return ((Number) value).longValue();
    }

    /** A number as a double, following Python's int-to-float conversion (OverflowError for huge ints). */
    public static double toDouble(Object value) {
        if (value instanceof Boolean) {
            return ((Boolean) value) ? 1.0 : 0.0;
        }
        if (value instanceof BigInteger) {
            double d = ((BigInteger) value).doubleValue();
            if (Double.isInfinite(d)) {
                throw new PyException("OverflowError", "int too large to convert to float");
            }
            return d;
        }
        return ((Number) value).doubleValue();
    }

    /** The canonical int: a Long when it fits, else the BigInteger. */
    public static Object normalize(BigInteger value) {
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return value.longValue();
        }
        return value;
    }

    /** Canonical form of an int-like Java number: Integer/Short/Byte become Long. */
    public static Object canonicalInt(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
            return normalize((BigInteger) value);
        }
        return value;
    }

    /** Number of code points, Python's {@code len} of a str. */
    public static int codePointLength(String s) {
        return s.codePointCount(0, s.length());
    }
}
