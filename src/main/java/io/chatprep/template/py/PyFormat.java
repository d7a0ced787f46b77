package io.chatprep.template.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Python string formatting: printf-style {@code str % args}, {@code format(value, spec)} with the format-spec
 * mini-language, and {@code str.format(*args, **kwargs)} with field names, attribute/index lookups,
 * conversions and nested specs. Floats round like Python (half-even on the exact binary value), not like
 * Java's Formatter.
 */
public final class PyFormat {
    private PyFormat() {
    }

    // ---------------------------------------------------------------- printf style

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
            Spec spec = new Spec();
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

    private static String percentOne(char type, Object value, Spec spec, int index) {
        switch (type) {
            case 's':
            case 'r':
            case 'a': {
                String s = type == 's' ? PyStr.str(value) : (type == 'r' ? PyStr.repr(value) : ascii(PyStr.repr(value)));
                if (spec.precision >= 0) {
                    s = PyText.substring(s, 0, spec.precision);
                }
                spec.precision = -1;
                return pad(s, spec.align == '=' ? '>' : spec.align, ' ', spec.width);
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
                return pad(s, spec.align == '=' ? '>' : spec.align, ' ', spec.width);
            }
            case 'd':
            case 'i':
            case 'u':
                if (!PyTypes.isNumber(value)) {
                    throw PyException.typeError("%" + type + " format: a real number is required, not "
                            + PyTypes.typeName(value));
                }
                spec.type = 'd';
                return formatInt(PyTypes.isFloat(value) ? truncate(((Number) value).doubleValue()) : PyTypes.toBigInteger(value),
                        spec, true);
            case 'o':
            case 'x':
            case 'X':
                if (!PyTypes.isIntLike(value)) {
                    throw PyException.typeError("%" + type + " format: an integer is required, not "
                            + PyTypes.typeName(value));
                }
                spec.type = type;
                return formatInt(PyTypes.toBigInteger(value), spec, true);
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                if (!PyTypes.isNumber(value)) {
                    throw PyException.typeError("must be real number, not " + PyTypes.typeName(value));
                }
                spec.type = type;
                if (spec.precision < 0) {
                    spec.precision = 6;
                }
                return formatFloat(PyTypes.toDouble(value), spec);
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

    private static String ascii(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.toString();
    }

    // ---------------------------------------------------------------- format spec mini-language

    /** A parsed format spec: {@code [[fill]align][sign][#][0][width][grouping][.precision][type]}. */
    static final class Spec {
        int fill = ' ';
        char align = 0;
        char sign = 0;
        boolean alternate;
        int width = -1;
        char grouping = 0;
        int precision = -1;
        char type = 0;

        Spec copy() {
            Spec copy = new Spec();
            copy.fill = fill;
            copy.align = align;
            copy.sign = sign;
            copy.alternate = alternate;
            copy.width = width;
            copy.grouping = grouping;
            copy.precision = precision;
            copy.type = type;
            return copy;
        }

        /** Parses a spec; {@code numeric} selects the default alignment the '0' flag depends on. */
        static Spec parse(String text, boolean numeric) {
            Spec spec = new Spec();
            int[] cps = text.codePoints().toArray();
            int i = 0;
            boolean fillSpecified = false;
            if (cps.length >= 2 && "<>=^".indexOf(cps[1]) >= 0) {
                spec.fill = cps[0];
                spec.align = (char) cps[1];
                fillSpecified = true;
                i = 2;
            } else if (cps.length >= 1 && "<>=^".indexOf(cps[0]) >= 0) {
                spec.align = (char) cps[0];
                i = 1;
            }
            if (i < cps.length && "+- ".indexOf(cps[i]) >= 0) {
                spec.sign = (char) cps[i++];
            }
            if (i < cps.length && cps[i] == '#') {
                spec.alternate = true;
                i++;
            }
            if (i < cps.length && cps[i] == '0') {
                // The '0' flag zero-fills unless a fill was given, and pads after the sign unless aligned.
                if (!fillSpecified) {
                    spec.fill = '0';
                    if (spec.align == 0 && numeric) {
                        spec.align = '=';
                    }
                }
                i++;
            }
            int start = i;
            while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
                i++;
            }
            if (i > start) {
                spec.width = Integer.parseInt(new String(cps, start, i - start));
            }
            if (i < cps.length && (cps[i] == ',' || cps[i] == '_')) {
                spec.grouping = (char) cps[i++];
            }
            if (i < cps.length && cps[i] == '.') {
                i++;
                start = i;
                while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
                    i++;
                }
                if (i == start) {
                    throw PyException.valueError("Format specifier missing precision");
                }
                spec.precision = Integer.parseInt(new String(cps, start, i - start));
            }
            if (i < cps.length) {
                spec.type = (char) cps[i++];
            }
            if (i < cps.length) {
                throw PyException.valueError("Invalid format specifier '" + text + "' for object of type '%s'");
            }
            if (spec.grouping != 0 && "defgEGF%".indexOf(spec.type) < 0 && spec.type != 0
                    && !(spec.grouping == '_' && "boxX".indexOf(spec.type) >= 0)) {
                throw PyException.valueError("Cannot specify '" + spec.grouping + "' with '" + spec.type + "'.");
            }
            PyLimits.checkString(Math.max(spec.width, 0));
            return spec;
        }
    }

    /** Python's {@code format(value, spec)}. Undefined formats as {@code ""}. */
    public static String format(Object value, String specText) {
        if (specText.isEmpty()) {
            return PyStr.str(value);
        }
        Spec spec;
        try {
            spec = Spec.parse(specText, PyTypes.isNumber(value));
        } catch (PyException e) {
            throw e.getMessage().contains("%s")
                    ? PyException.valueError(e.getMessage().replace("%s", PyTypes.typeName(value))) : e;
        }
        if (value instanceof String) {
            if (spec.type != 0 && spec.type != 's') {
                throw unknownCode(spec.type, value);
            }
            if (spec.sign != 0) {
                throw PyException.valueError("Sign not allowed in string format specifier");
            }
            if (spec.alternate) {
                throw PyException.valueError("Alternate form (#) not allowed in string format specifier");
            }
            if (spec.grouping != 0) {
                throw PyException.valueError("Cannot specify '" + spec.grouping + "' with 's'.");
            }
            if (spec.align == '=') {
                throw PyException.valueError("'=' alignment not allowed in string format specifier");
            }
            String s = (String) value;
            if (spec.precision >= 0) {
                s = PyText.substring(s, 0, spec.precision);
            }
            return pad(s, spec.align == 0 ? '<' : spec.align, spec.fill, spec.width);
        }
        if (PyTypes.isIntLike(value)) {
            if ("eEfFgG%".indexOf(spec.type) >= 0 && spec.type != 0) {
                return formatFloat(PyTypes.toDouble(value), spec);
            }
            if (spec.type != 0 && "bcdoxXn".indexOf(spec.type) < 0) {
                throw unknownCode(spec.type, value);
            }
            if (spec.precision >= 0) {
                throw PyException.valueError("Precision not allowed in integer format specifier");
            }
            return formatInt(PyTypes.toBigInteger(value), spec, false);
        }
        if (PyTypes.isFloat(value)) {
            if (spec.type != 0 && "eEfFgGn%".indexOf(spec.type) < 0) {
                throw unknownCode(spec.type, value);
            }
            return formatFloat(((Number) value).doubleValue(), spec);
        }
        throw PyException.typeError("unsupported format string passed to " + PyTypes.typeName(value) + ".__format__");
    }

    private static PyException unknownCode(char type, Object value) {
        return PyException.valueError("Unknown format code '" + type + "' for object of type '"
                + PyTypes.typeName(value) + "'");
    }

    private static String formatInt(BigInteger value, Spec spec, boolean printf) {
        char type = spec.type == 0 || spec.type == 'n' ? 'd' : spec.type;
        if (type == 'c') {
            if (value.bitLength() >= 64) {
                throw new PyException("OverflowError", "Python int too large to convert to C long");
            }
            if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
                throw new PyException("OverflowError", "%c arg not in range(0x110000)");
            }
            String s = new String(Character.toChars(value.intValue()));
            return pad(s, spec.align == 0 ? '>' : spec.align, spec.fill, spec.width);
        }
        int radix = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
        String digits = value.abs().toString(radix);
        if (type == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (printf && spec.precision > digits.length()) {
            digits = "0".repeat(spec.precision - digits.length()) + digits;
        }
        String prefix = "";
        if (spec.alternate && radix != 10) {
            prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'X' ? "0X" : "0x";
        }
        return assemble(value.signum() < 0, prefix, digits, "", spec, radix == 10 ? 3 : 4);
    }

    /**
     * Lays out sign, prefix, integer digits (grouped when asked) and the rest of a number, padded to the width.
     * Zero padding after the sign ('0' fill with '=' alignment) goes through the grouping, as in CPython, so
     * the padding zeros get separators too.
     */
    private static String assemble(boolean negative, String prefix, String digits, String rest, Spec spec, int groupSize) {
        String sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
        char align = spec.align == 0 ? '>' : spec.align;
        boolean zeroPad = spec.fill == '0' && align == '=';
        if (spec.grouping != 0) {
            int minWidth = zeroPad ? spec.width - sign.length() - prefix.length() - PyTypes.codePointLength(rest) : 0;
            digits = group(digits, groupSize, spec.grouping, minWidth);
        }
        String body = prefix + digits + rest;
        if (align == '=') {
            int padCount = spec.width - sign.length() - PyTypes.codePointLength(body);
            if (padCount <= 0) {
                return sign + body;
            }
            return sign + new String(Character.toChars(spec.fill)).repeat(padCount) + body;
        }
        return pad(sign + body, align, spec.fill, spec.width);
    }

    /** CPython's digit grouping: groups from the right, adding zero groups until {@code minWidth} is reached. */
    private static String group(String digits, int size, char separator, int minWidth) {
        StringBuilder out = new StringBuilder();
        int remaining = digits.length();
        int width = minWidth;
        while (true) {
            int length = Math.min(size, Math.max(Math.max(remaining, width), 1));
            int zeros = Math.max(0, length - remaining);
            int chars = Math.max(0, Math.min(remaining, length));
            out.insert(0, digits.substring(remaining - chars, remaining));
            out.insert(0, "0".repeat(zeros));
            remaining -= chars;
            width -= length;
            if (remaining <= 0 && width <= 0) {
                break;
            }
            out.insert(0, separator);
            width -= 1;
        }
        return out.toString();
    }

    private static String formatFloat(double value, Spec spec) {
        char type = spec.type;
        boolean negative = value < 0 || (value == 0 && Double.doubleToRawLongBits(value) < 0);
        double magnitude = Math.abs(value);
        String body;
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            body = Double.isNaN(value) ? "nan" : "inf";
            if (Character.isUpperCase(type)) {
                body = body.toUpperCase(java.util.Locale.ROOT);
            }
            negative = !Double.isNaN(value) && value < 0;
            if (type == '%') {
                body = body + "%";
            }
            Spec ungrouped = spec.copy();
            ungrouped.grouping = 0;
            return assemble(negative, "", "", body, ungrouped, 3);
        } else if (type == 0 && spec.precision < 0) {
            body = PyFloat.repr(magnitude);
        } else {
            int precision = spec.precision < 0 ? 6 : spec.precision;
            switch (type) {
                case 'f':
                case 'F':
                    body = fixed(magnitude, precision, spec.alternate);
                    break;
                case '%':
                    body = fixed(magnitude * 100, precision, spec.alternate) + "%";
                    break;
                case 'e':
                case 'E':
                    body = scientific(magnitude, precision, spec.alternate, type == 'E');
                    break;
                case 'g':
                case 'G':
                case 'n':
                    body = general(magnitude, precision, spec.alternate, type == 'G', false);
                    break;
                default:
                    body = general(magnitude, precision, spec.alternate, false, true);
                    break;
            }
        }
        int end = 0;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return assemble(negative, "", body.substring(0, end), body.substring(end), spec, 3);
    }

    /** Fixed notation with exact half-even rounding of the binary value, like C's printf in CPython. */
    static String fixed(double magnitude, int precision, boolean alternate) {
        PyLimits.checkString(precision);
        BigDecimal rounded = new BigDecimal(magnitude).setScale(precision, RoundingMode.HALF_EVEN);
        String s = rounded.toPlainString();
        if (alternate && precision == 0) {
            s = s + ".";
        }
        return s;
    }

    static String scientific(double magnitude, int precision, boolean alternate, boolean upper) {
        PyLimits.checkString(precision);
        String digits;
        int exponent;
        if (magnitude == 0) {
            digits = "0".repeat(precision + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = rounded.precision() - rounded.scale() - 1;
            if (digits.length() < precision + 1) {
                digits = digits + "0".repeat(precision + 1 - digits.length());
            } else if (digits.length() > precision + 1) {
                digits = digits.substring(0, precision + 1);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(digits.charAt(0));
        if (precision > 0 || alternate) {
            out.append('.');
        }
        out.append(digits, 1, digits.length());
        PyFloat.appendExponent(out, exponent);
        String s = out.toString();
        return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    /**
     * The 'g' type, and with {@code noType} the spec without a type (which keeps at least one digit after the
     * point and switches to exponent notation at precision - 1).
     */
    static String general(double magnitude, int precision, boolean alternate, boolean upper, boolean noType) {
        int p = precision == 0 ? 1 : precision;
        int exponent;
        if (magnitude == 0) {
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(p, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - rounded.scale() - 1;
        }
        String s;
        // Without a type, exponent notation starts one digit earlier so that fixed output keeps a '.0'.
        boolean useFixed = exponent >= -4 && exponent < (noType ? p - 1 : p);
        if (useFixed) {
            s = fixed(magnitude, Math.max(p - 1 - exponent, 0), alternate);
        } else {
            s = scientific(magnitude, p - 1, alternate, upper);
        }
        if (!alternate) {
            s = stripZeros(s);
        }
        if (noType && useFixed && s.indexOf('.') < 0) {
            s = s + ".0";
        }
        return s;
    }

    private static String stripZeros(String s) {
        int e = s.indexOf('e') >= 0 ? s.indexOf('e') : s.indexOf('E');
        String mantissa = e >= 0 ? s.substring(0, e) : s;
        String exp = e >= 0 ? s.substring(e) : "";
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            if (mantissa.charAt(end - 1) == '.') {
                end--;
            }
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + exp;
    }

    /** Pads {@code s} to {@code width} code points with {@code fill}; '^' puts the odd extra on the right. */
    static String pad(String s, char align, int fill, int width) {
        int length = PyTypes.codePointLength(s);
        if (width <= length) {
            return s;
        }
        int total = width - length;
        PyLimits.checkString((long) s.length() + total);
        String f = new String(Character.toChars(fill));
        switch (align) {
            case '<':
                return s + f.repeat(total);
            case '^':
                return f.repeat(total / 2) + s + f.repeat(total - total / 2);
            default:
                return f.repeat(total) + s;
        }
    }

    // ---------------------------------------------------------------- str.format

    /** Python's {@code template.format(*args, **kwargs)} with Jinja2's sandboxed attribute lookup. */
    public static String strFormat(String template, List<?> args, Map<String, ?> kwargs) {
        int[] autoIndex = {0};
        return strFormat(template, args, kwargs, autoIndex, 2);
    }

    private static String strFormat(String template, List<?> args, Map<String, ?> kwargs, int[] autoIndex, int depth) {
        if (depth < 0) {
            throw PyException.valueError("Max string recursion exceeded");
        }
        StringBuilder out = new StringBuilder();
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < n && template.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                if (i + 1 == n) {
                    throw PyException.valueError("Single '{' encountered in format string");
                }
                int level = 1;
                int j = i + 1;
                while (j < n && level > 0) {
                    char k = template.charAt(j);
                    if (k == '{') {
                        level++;
                    } else if (k == '}') {
                        level--;
                    }
                    j++;
                }
                if (level > 0) {
                    throw PyException.valueError("expected '}' before end of string");
                }
                out.append(replaceField(template.substring(i + 1, j - 1), args, kwargs, autoIndex, depth));
                PyLimits.checkString(out.length());
                i = j;
            } else if (c == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw PyException.valueError("Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String replaceField(String field, List<?> args, Map<String, ?> kwargs, int[] autoIndex, int depth) {
        int bracket = 0;
        int end = field.length();
        int conversionAt = -1;
        int specAt = -1;
        for (int k = 0; k < field.length(); k++) {
            char c = field.charAt(k);
            if (c == '[') {
                bracket++;
            } else if (c == ']') {
                bracket--;
            } else if (bracket == 0 && c == '!' && conversionAt < 0) {
                conversionAt = k;
            } else if (bracket == 0 && c == ':') {
                specAt = k;
                break;
            }
        }
        String name = field.substring(0, conversionAt >= 0 ? conversionAt : specAt >= 0 ? specAt : end);
        char conversion = 0;
        if (conversionAt >= 0) {
            int convEnd = specAt >= 0 ? specAt : end;
            if (convEnd - conversionAt != 2) {
                throw PyException.valueError("expected ':' after conversion specifier");
            }
            conversion = field.charAt(conversionAt + 1);
        }
        String spec = specAt >= 0 ? field.substring(specAt + 1) : "";
        if (spec.indexOf('{') >= 0) {
            spec = strFormat(spec, args, kwargs, autoIndex, depth - 1);
        }
        Object value = resolveField(name, args, kwargs, autoIndex);
        switch (conversion) {
            case 0:
                break;
            case 's':
                value = PyStr.str(value);
                break;
            case 'r':
                value = PyStr.repr(value);
                break;
            case 'a':
                value = ascii(PyStr.repr(value));
                break;
            default:
                throw PyException.valueError("Unknown conversion specifier " + conversion);
        }
        return format(value, spec);
    }

    private static Object resolveField(String name, List<?> args, Map<String, ?> kwargs, int[] autoIndex) {
        int k = 0;
        while (k < name.length() && name.charAt(k) != '.' && name.charAt(k) != '[') {
            k++;
        }
        String first = name.substring(0, k);
        Object value;
        // Jinja2's sandbox formats through string.Formatter, whose numbering rules differ from str.format's:
        // only a bare "{0}" counts as manual numbering, and both conflicts raise the same message.
        String switchError = "cannot switch from manual field specification to automatic field numbering";
        if (first.isEmpty()) {
            if (autoIndex[0] < 0) {
                throw PyException.valueError(switchError);
            }
            value = positional(args, autoIndex[0]++);
        } else if (isDigits(first)) {
            if (k == name.length()) {
                if (autoIndex[0] > 0) {
                    throw PyException.valueError(switchError);
                }
                autoIndex[0] = -1;
            }
            value = positional(args, Long.parseLong(first));
        } else {
            if (!kwargs.containsKey(first)) {
                throw new PyException("KeyError", PyStr.repr(first));
            }
            value = kwargs.get(first);
        }
        while (k < name.length()) {
            char c = name.charAt(k);
            if (c == '.') {
                int start = ++k;
                while (k < name.length() && name.charAt(k) != '.' && name.charAt(k) != '[') {
                    k++;
                }
                value = PyAccess.getattr(value, name.substring(start, k));
            } else if (c == '[') {
                int close = name.indexOf(']', k);
                if (close < 0) {
                    throw PyException.valueError("Missing ']' in format string");
                }
                String key = name.substring(k + 1, close);
                Object keyValue = !key.isEmpty() && key.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(key) : key;
                value = PyAccess.getitem(value, keyValue);
                k = close + 1;
            } else {
                throw PyException.valueError("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return value;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Object positional(List<?> args, long index) {
        if (index >= args.size()) {
            throw new PyException("IndexError", "tuple index out of range");
        }
        return args.get((int) index);
    }

    /** Stands in for Undefined inside Java collections that reject null. */
    private enum Undefined {
        MARK
    }
}
