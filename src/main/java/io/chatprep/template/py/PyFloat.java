package io.chatprep.template.py;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float printing. Java 17's {@code Double.toString} sometimes prints more digits than needed and uses
 * a different exponent style, so {@code repr} is computed here: the shortest digit string that reads back as
 * the same double, laid out like CPython ({@code 0.1}, {@code 1e+16}, {@code 1e-05}, {@code inf}, {@code nan}).
 */
public final class PyFloat {
    private PyFloat() {
    }

    /** Shortest round-trip digits of a finite non-zero magnitude with the decimal point position. */
    static final class Digits {
        final String digits;
        /** Position of the decimal point relative to the first digit: value = 0.digits * 10^pointPosition. */
        final int pointPosition;

        Digits(String digits, int pointPosition) {
            this.digits = digits;
            this.pointPosition = pointPosition;
        }
    }

    static Digits shortestDigits(double magnitude) {
        if (magnitude == Math.rint(magnitude) && magnitude < 1e15) {
            String s = Long.toString((long) magnitude);
            String trimmed = stripTrailingZeros(s);
            return new Digits(trimmed, s.length());
        }
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal rounded = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == magnitude) {
                rounded = candidate;
                break;
            }
            // Just above a power of two the gap below is half the gap above, so the nearest p-digit value can
            // miss while its upper neighbour still reads back as the same double.
            BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(-candidate.scale());
            BigDecimal up = candidate.add(step);
            if (up.doubleValue() == magnitude) {
                rounded = up;
                break;
            }
            BigDecimal down = candidate.subtract(step);
            if (down.signum() > 0 && down.doubleValue() == magnitude) {
                rounded = down;
                break;
            }
        }
        rounded = rounded.stripTrailingZeros();
        String digits = rounded.unscaledValue().toString();
        return new Digits(digits, digits.length() - rounded.scale());
    }

    private static String stripTrailingZeros(String s) {
        int end = s.length();
        while (end > 1 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Python's {@code repr(float)} (also its {@code str}). */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
        }
        String sign = value < 0 ? "-" : "";
        Digits d = shortestDigits(Math.abs(value));
        String digits = d.digits;
        int point = d.pointPosition;
        StringBuilder out = new StringBuilder(sign);
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                out.append("0.");
                out.append("0".repeat(-point));
                out.append(digits);
            } else if (point >= digits.length()) {
                out.append(digits).append("0".repeat(point - digits.length())).append(".0");
            } else {
                out.append(digits, 0, point).append('.').append(digits, point, digits.length());
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            appendExponent(out, point - 1);
        }
        return out.toString();
    }

    /** Appends Python's exponent suffix: {@code e+16}, {@code e-05}. */
    static void appendExponent(StringBuilder out, int exponent) {
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        out.append(abs);
    }

    /** Python's {@code float(str)} for the syntax Python accepts: decimal, exponent, inf/nan, underscores. */
    public static double parse(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1.0 : 1.0;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!s.matches("[+-]?(\\d(_?\\d)*(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?")) {
            throw PyException.valueError("could not convert string to float: " + PyStr.repr(text));
        }
        return Double.parseDouble(s.replace("_", ""));
    }
}
