package io.chatprep.template.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code format(value, spec)} for str, int and float with the format-spec mini-language. Floats round like
 * Python (half-even on the exact binary value), not like Java's Formatter.
 */
final class SpecFormatter {
    private SpecFormatter() {
    }

    /** Python's {@code format(value, spec)}. Undefined formats as {@code ""}. */
    public static String format(Object value, String specText) {
        if (specText.isEmpty()) {
            return PyStr.str(value);
        }
        FormatSpec spec;
        try {
            spec = FormatSpec.parse(specText, PyTypes.isNumber(value));
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

    static String formatInt(BigInteger value, FormatSpec spec, boolean printf) {
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
    private static String assemble(boolean negative, String prefix, String digits, String rest, FormatSpec spec, int groupSize) {
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

    static String formatFloat(double value, FormatSpec spec) {
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
            FormatSpec ungrouped = spec.copy();
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
}
