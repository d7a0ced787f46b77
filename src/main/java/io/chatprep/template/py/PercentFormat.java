package io.chatprep.template.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** printf-style formatting, {@code str % args}, with Python's conversions, flags and errors. */
final class PercentFormat {
    private PercentFormat() {
    }

    /** Python's {@code format % args}: args is a tuple of values, a mapping for {@code %(name)s}, or one value. */
    public static String percent(String format, Object args) {
        List<?> positional;
        Map<?, ?> mapping = null;
        // Python skips the "not all arguments converted" check for any non-tuple argument with __getitem__.
        boolean subscriptable = false;
        if (args instanceof PyTuple) {
            positional = (List<?>) args;
        } else {
            positional = List.of(args == null ? Undefined.MARK : args);
            subscriptable = args == null || args instanceof List || args instanceof Map;
            if (args instanceof Map) {
                mapping = (Map<?, ?>) args;
            }
        }
        StringBuilder out = new StringBuilder();
        int argIndex = 0;
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= n) {
                throw PyException.valueError("incomplete format");
            }
            Object value = null;
            boolean haveValue = false;
            if (format.charAt(i) == '(') {
                if (mapping == null) {
                    throw PyException.typeError("format requires a mapping");
                }
                int depth = 1;
                int start = ++i;
                while (i < n && depth > 0) {
                    char k = format.charAt(i);
                    if (k == '(') {
                        depth++;
                    } else if (k == ')') {
                        depth--;
                    }
                    i++;
                }
                if (depth > 0) {
                    throw PyException.valueError("incomplete format key");
                }
                String key = format.substring(start, i - 1);
                if (!PyOps.hasKey(mapping, key)) {
                    throw new PyException("KeyError", PyStr.repr(key));
                }
                value = PyOps.lookup(mapping, key);
                haveValue = true;
            }
            FormatSpec spec = new FormatSpec();
            spec.align = '>';
            spec.fill = ' ';
            boolean zero = false;
            for (; i < n; i++) {
                char f = format.charAt(i);
                if (f == '-') {
                    spec.align = '<';
                } else if (f == '+') {
                    spec.sign = '+';
                } else if (f == ' ') {
                    if (spec.sign != '+') {
                        spec.sign = ' ';
                    }
                } else if (f == '#') {
                    spec.alternate = true;
                } else if (f == '0') {
                    zero = true;
                } else {
                    break;
                }
            }
            if (i < n && format.charAt(i) == '*') {
                i++;
                Object w = argIndex < positional.size() ? positional.get(argIndex++) : null;
                if (!PyTypes.isIntLike(w)) {
                    throw PyException.typeError("* wants int");
                }
                spec.width = (int) PyTypes.toLong(w);
                if (spec.width < 0) {
                    spec.align = '<';
                    spec.width = -spec.width;
                }
            } else {
                int start = i;
                while (i < n && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    spec.width = Integer.parseInt(format.substring(start, i));
                }
            }
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    i++;
                    Object p = argIndex < positional.size() ? positional.get(argIndex++) : null;
                    if (!PyTypes.isIntLike(p)) {
                        throw PyException.typeError("* wants int");
                    }
                    spec.precision = Math.max(0, (int) PyTypes.toLong(p));
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    spec.precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
                }
            }
            while (i < n && "hlL".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw PyException.valueError("incomplete format");
            }
            char type = format.charAt(i++);
            if (type == '%') {
                out.append('%');
                continue;
            }
            if (!haveValue) {
                if (argIndex >= positional.size()) {
                    throw PyException.typeError("not enough arguments for format string");
                }
                value = positional.get(argIndex++);
            }
            if (value == Undefined.MARK) {
                value = null;
            }
            if (zero && spec.align != '<' && "srac".indexOf(type) < 0) {
                spec.fill = '0';
                spec.align = '=';
            }
            out.append(percentOne(type, value, spec, i - 1));
            PyLimits.checkString(out.length());
        }
        if (!subscriptable && argIndex < positional.size()) {
            throw PyException.typeError("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static String percentOne(char type, Object value, FormatSpec spec, int index) {
        switch (type) {
            case 's':
            case 'r':
            case 'a': {
                String s = type == 's' ? PyStr.str(value) : (type == 'r' ? PyStr.repr(value) : PyStr.ascii(value));
                if (spec.precision >= 0) {
                    s = PyText.substring(s, 0, spec.precision);
                }
                spec.precision = -1;
                return SpecFormatter.pad(s, spec.align == '=' ? '>' : spec.align, ' ', spec.width);
            }
            case 'c': {
                String s;
                if (value instanceof String && PyTypes.codePointLength((String) value) == 1) {
                    s = (String) value;
                } else if (PyTypes.isIntLike(value)) {
                    s = new String(Character.toChars((int) PyTypes.toLong(value)));
                } else {
                    throw PyException.typeError("%c requires int or char");
                }
                return SpecFormatter.pad(s, spec.align == '=' ? '>' : spec.align, ' ', spec.width);
            }
            case 'd':
            case 'i':
            case 'u':
                if (value == null) {
                    throw PyOps.undefined(); // Undefined counts as a number whose int() raises
                }
                if (!PyTypes.isNumber(value)) {
                    throw PyException.typeError("%" + type + " format: a real number is required, not "
                            + PyTypes.typeName(value));
                }
                spec.type = 'd';
                return SpecFormatter.formatInt(PyTypes.isFloat(value) ? truncate(((Number) value).doubleValue()) : PyTypes.toBigInteger(value),
                        spec, true);
            case 'o':
            case 'x':
            case 'X':
                if (!PyTypes.isIntLike(value)) {
                    throw PyException.typeError("%" + type + " format: an integer is required, not "
                            + PyTypes.typeName(value));
                }
                spec.type = type;
                return SpecFormatter.formatInt(PyTypes.toBigInteger(value), spec, true);
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                if (value == null) {
                    throw PyOps.undefined(); // as for %d: Undefined's float() raises
                }
                if (!PyTypes.isNumber(value)) {
                    throw PyException.typeError("must be real number, not " + PyTypes.typeName(value));
                }
                spec.type = type;
                if (spec.precision < 0) {
                    spec.precision = 6;
                }
                return SpecFormatter.formatFloat(PyTypes.toDouble(value), spec);
            default:
                throw PyException.valueError("unsupported format character '" + type + "' (0x"
                        + Integer.toHexString(type) + ") at index " + index);
        }
    }

    private static BigInteger truncate(double d) {
        if (Double.isNaN(d)) {
            throw PyException.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw new PyException("OverflowError", "cannot convert float infinity to integer");
        }
        return new BigDecimal(d).toBigInteger();
    }

    /** Stands in for Undefined inside Java collections that reject null. */
    private enum Undefined {
        MARK
    }
}
