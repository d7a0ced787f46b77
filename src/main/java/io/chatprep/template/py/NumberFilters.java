package io.chatprep.template.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Jinja2's numeric filters: round, int, float, abs. */
public final class NumberFilters {
    private NumberFilters() {
    }

    /** Jinja2's round: Python's {@code round(value, precision)} for 'common', else ceil/floor at the precision. */
    public static Object round(Object value, Object precision, Object method) {
        if (!"common".equals(method) && !"ceil".equals(method) && !"floor".equals(method)) {
            throw PyFilters.argumentError("method must be common, ceil or floor");
        }
        if (value == null && !method.equals("common")) {
            throw PyOps.undefined(); // ceil and floor multiply first, which Undefined refuses
        }
        if (!PyTypes.isIntLike(precision)) {
            throw PyException.typeError("'" + PyTypes.typeName(precision) + "' object cannot be interpreted as an integer");
        }
        int digits = PyFilters.intValue(precision);
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
        Object scale = PyArithmetic.pow(10L, (long) digits);
        Object scaled = PyArithmetic.mul(value, scale);
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
        return PyArithmetic.truediv(whole, scale);
    }

    /** Jinja2's int filter: int(value, base), else int(float(value)), else the default. */
    public static Object toInt(Object value, Object fallback, Object base) {
        if (value == null) {
            throw PyOps.undefined();
        }
        if (value instanceof String) {
            try {
                return parseInt((String) value, PyFilters.intValue(base));
            } catch (PyException e) {
                if (!e.pyType().equals("ValueError")) {
                    throw e;
                }
            }
            try {
                return truncateToInt(PyFloat.parse((String) value));
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
            return truncateToInt(d);
        }
        return fallback;
    }

    private static Object truncateToInt(double d) {
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
        String s = StrSplit.strip(text, null, true, true);
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

    public static Object abs(Object value) {
        if (PyTypes.isIntLike(value)) {
            BigInteger v = PyTypes.toBigInteger(value);
            return PyTypes.normalize(v.abs());
        }
        if (PyTypes.isFloat(value)) {
            return Math.abs(((Number) value).doubleValue());
        }
        throw PyException.typeError("bad operand type for abs(): '" + PyTypes.typeName(value) + "'");
    }
}
