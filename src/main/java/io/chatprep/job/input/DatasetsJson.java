package io.chatprep.job.input;

import io.chatprep.template.py.PyNone;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to Python values exactly as HF {@code datasets} decodes its {@code Json} feature when rows are read back:
 * with pandas' ujson decoder ({@code ujson_loads}, precise floats off), not Python's {@code json}. What differs shows
 * in rendered text: a fraction is summed digit by digit (only its first 15 digits count), so {@code 0.6} reads as
 * {@code 0.6000000000000001} and {@code 0.3} as {@code 0.30000000000000004}; an exponent multiplies by the C library's
 * {@code pow(10, e)}; integers beyond 64 bits fail; {@code NaN} reads as None; a lone high surrogate escape is
 * dropped; a trailing comma closes an object. Nesting stops at 1024 levels.
 */
public final class DatasetsJson {
    static final int MAX_DEPTH = 1024;
    private static final int MAX_DECIMALS = 15;
    private static final double[] FRACTION_SCALE = {1.0, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9,
            1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15};
    private static final long SIGNED_LIMIT = Long.MIN_VALUE; // 2^63 as an unsigned value
    private static final char END = '\0';

    private final String text;
    private int pos;
    private int depth;

    private DatasetsJson(String text) {
        this.text = text;
    }

    /** The value of {@code text}; an IOException carries the decoder's own message. */
    public static Object loads(String text) throws IOException {
        DatasetsJson d = new DatasetsJson(text);
        Object value = d.any();
        d.skipWhitespace();
        if (d.pos != text.length()) {
            throw new IOException("Trailing data");
        }
        return value;
    }

    private char at(int i) {
        return i < text.length() ? text.charAt(i) : END;
    }

    private Object any() throws IOException {
        while (true) {
            char c = at(pos);
            switch (c) {
                case '"':
                    return string();
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'I', 'N', '-':
                    return number();
                case '[':
                    return array();
                case '{':
                    return object();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return PyNone.NONE;
                case ' ', '\t', '\r', '\n':
                    pos++;
                    break;
                default:
                    throw new IOException("Expected object or value");
            }
        }
    }

    private void literal(String word) throws IOException {
        for (int i = 1; i < word.length(); i++) {
            if (at(pos + i) != word.charAt(i)) {
                throw new IOException("Unexpected character found when decoding '" + word + "'");
            }
        }
        pos += word.length();
    }

    private void skipWhitespace() {
        for (char c = at(pos); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = at(++pos)) {
            // only advancing
        }
    }

    private Object number() throws IOException {
        char first = at(pos);
        if (first == 'I') {
            return infinity(1.0);
        }
        if (first == 'N') {
            literalAt(pos + 1, "aN", "NaN");
            pos += 3;
            return PyNone.NONE;
        }
        boolean negative = first == '-';
        if (negative) {
            pos++;
            if (at(pos) == 'I') {
                return infinity(-1.0);
            }
        }
        long value = 0;
        // The integer part accumulates in an unsigned 64-bit register; the decoder's own overflow checks decide.
        while (true) {
            char c = at(pos);
            if (c >= '0' && c <= '9') {
                long previous = value;
                value = value * 10 + (c - '0');
                if (!negative && Long.compareUnsigned(previous, value) > 0) {
                    throw new IOException("Value is too big!");
                } else if (negative && Long.compareUnsigned(value, SIGNED_LIMIT) > 0) {
                    throw new IOException("Value is too small");
                }
                pos++;
            } else if (c == '.') {
                pos++;
                return fraction(negative, value);
            } else if (c == 'e' || c == 'E') {
                pos++;
                return exponent(negative, value, 0.0, 0);
            } else {
                break;
            }
        }
        if (!negative && value < 0) {
            return new BigInteger(Long.toUnsignedString(value));
        }
        return negative ? -value : value;
    }

    private Object fraction(boolean negative, long integer) throws IOException {
        double fraction = 0.0;
        int decimals = 0;
        while (true) {
            char c = at(pos);
            if (c >= '0' && c <= '9') {
                if (decimals < MAX_DECIMALS) {
                    fraction = fraction * 10.0 + (c - '0');
                    decimals++;
                }
                pos++;
            } else if (c == 'e' || c == 'E') {
                pos++;
                return exponent(negative, integer, fraction, decimals);
            } else {
                return combine(negative, integer, fraction, decimals);
            }
        }
    }

    private Object exponent(boolean negative, long integer, double fraction, int decimals) {
        double sign = 1.0;
        if (at(pos) == '-') {
            sign = -1.0;
            pos++;
        } else if (at(pos) == '+') {
            pos++;
        }
        double exponent = 0.0;
        for (char c = at(pos); c >= '0' && c <= '9'; c = at(++pos)) {
            exponent = exponent * 10.0 + (c - '0');
        }
        return combine(negative, integer, fraction, decimals) * powerOfTen(exponent * sign);
    }

    private static double combine(boolean negative, long integer, double fraction, int decimals) {
        return (unsignedToDouble(integer) + fraction * FRACTION_SCALE[decimals]) * (negative ? -1.0 : 1.0);
    }

    /** C's conversion of an unsigned 64-bit integer to double: rounded to nearest. */
    private static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    /**
     * glibc's {@code pow(10.0, e)} for the whole exponents JSON text can hold: the correctly rounded power except at
     * 23 and 210, where glibc returns the next double up (measured against the reference environment's libm).
     */
    static double powerOfTen(double e) {
        if (e > 400) {
            return Double.POSITIVE_INFINITY;
        }
        if (e < -400) {
            return 0.0;
        }
        int n = (int) e;
        double p = Double.parseDouble("1e" + n);
        return n == 23 || n == 210 ? Math.nextUp(p) : p;
    }

    private Object infinity(double sign) throws IOException {
        literalAt(pos + 1, "nfinity", sign > 0 ? "Infinity" : "-Infinity");
        pos += 8;
        return sign * Double.POSITIVE_INFINITY;
    }

    private void literalAt(int start, String rest, String name) throws IOException {
        for (int i = 0; i < rest.length(); i++) {
            if (at(start + i) != rest.charAt(i)) {
                throw new IOException("Unexpected character found when decoding '" + name + "'");
            }
        }
    }

    private String string() throws IOException {
        pos++;
        StringBuilder out = new StringBuilder();
        int pendingHigh = -1;
        while (true) {
            if (pos >= text.length() || at(pos) == END) {
                throw new IOException("Unmatched '\"' when decoding 'string'");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                // A high surrogate escape still waiting for its pair is dropped, as the decoder does.
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = at(pos++);
            switch (e) {
                case '\\', '"', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int unit = hex4();
                    if (pendingHigh < 0) {
                        if ((unit & 0xFC00) == 0xD800) {
                            pendingHigh = unit;
                        } else {
                            out.append((char) unit);
                        }
                    } else {
                        if ((unit & 0xFC00) != 0xDC00) {
                            throw new IOException("Unpaired high surrogate when decoding 'string'");
                        }
                        out.append((char) pendingHigh).append((char) unit);
                        pendingHigh = -1;
                    }
                }
                case END -> throw new IOException("Unterminated escape sequence when decoding 'string'");
                default -> throw new IOException("Unrecognized escape sequence when decoding 'string'");
            }
        }
    }

    private int hex4() throws IOException {
        int unit = 0;
        for (int i = 0; i < 4; i++) {
            char c = at(pos);
            if (c == END) {
                throw new IOException("Unterminated unicode escape sequence when decoding 'string'");
            }
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                throw new IOException("Unexpected character in unicode escape sequence when decoding 'string'");
            }
            unit = (unit << 4) + digit;
            pos++;
        }
        return unit;
    }

    private List<Object> array() throws IOException {
        enter();
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (at(pos) == ']') {
                if (!items.isEmpty()) {
                    throw new IOException("Unexpected character found when decoding array value (1)");
                }
                pos++;
                depth--;
                return Collections.unmodifiableList(items);
            }
            items.add(any());
            skipWhitespace();
            char c = at(pos++);
            if (c == ']') {
                depth--;
                return Collections.unmodifiableList(items);
            }
            if (c != ',') {
                throw new IOException("Unexpected character found when decoding array value (2)");
            }
        }
    }

    private Map<String, Object> object() throws IOException {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipWhitespace();
            if (at(pos) == '}') {
                pos++;
                depth--;
                return Collections.unmodifiableMap(map);
            }
            if (at(pos) != '"') {
                any(); // what is there instead fails on its own first, as in the decoder
                throw new IOException("Key name of object must be 'string' when decoding 'object'");
            }
            String key = string();
            skipWhitespace();
            if (at(pos++) != ':') {
                throw new IOException("No ':' found when decoding object value");
            }
            skipWhitespace();
            // A repeated key keeps its first place and takes the last value, as a Python dict does.
            map.put(key, any());
            skipWhitespace();
            char c = at(pos++);
            if (c == '}') {
                depth--;
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                throw new IOException("Unexpected character found when decoding object value");
            }
        }
    }

    private void enter() throws IOException {
        if (++depth > MAX_DEPTH) {
            throw new IOException("Reached object decoding depth limit");
        }
    }
}
