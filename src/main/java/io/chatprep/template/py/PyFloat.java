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
        Digits java = javaDigits(Double.toString(magnitude));
        // Two different decimals of at most 15 significant digits are further apart (relatively, >= 1e-15) than
        // the set of reals that read back as one double (<= 2.3e-16), so when Java's digits, which always read
        // back, are that short they are the only candidate of that length: the shortest, and the closest.
        if (java.digits.length() <= 15 && magnitude >= Double.MIN_NORMAL) {
            return java;
        }
        // Longer: the shortest has 15 digits or fewer only when Java's output was not minimal (a known JDK 17
        // quirk); otherwise it has 16 or 17. Subnormals have fewer bits, so any length may be the shortest.
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal rounded = null;
        for (int precision = magnitude >= Double.MIN_NORMAL ? 15 : 1; rounded == null && precision <= 17; precision++) {
            rounded = candidate(exact, magnitude, precision);
        }
        rounded = rounded.stripTrailingZeros();
        String digits = rounded.unscaledValue().toString();
        return new Digits(digits, digits.length() - rounded.scale());
    }

    /**
     * The {@code precision}-digit decimal that reads back as {@code magnitude}, nearest first, or null. Just
     * above a power of two the gap below is half the gap above, so when the nearest value misses, a neighbour
     * can still read back.
     */
    private static BigDecimal candidate(BigDecimal exact, double magnitude, int precision) {
        BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == magnitude) {
            return nearest;
        }
        BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(-nearest.scale());
        BigDecimal up = nearest.add(step);
        if (up.doubleValue() == magnitude) {
            return up;
        }
        BigDecimal down = nearest.subtract(step);
        if (down.signum() > 0 && down.doubleValue() == magnitude) {
            return down;
        }
        return null;
    }

    /** Digits and point position of Java's rendering of a positive double ({@code 1.25E-5}, {@code 0.001}). */
    private static Digits javaDigits(String javaText) {
        int e = javaText.indexOf('E');
        String mantissa = e >= 0 ? javaText.substring(0, e) : javaText;
        int exponent = e >= 0 ? Integer.parseInt(javaText.substring(e + 1)) : 0;
        int dot = mantissa.indexOf('.');
        String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + exponent;
        int start = 0;
        while (start < all.length() - 1 && all.charAt(start) == '0') {
            start++;
            point--;
        }
        int end = all.length();
        while (end > start + 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(all.substring(start, end), point);
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
