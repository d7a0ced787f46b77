package io.chatprep.tokenize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A forward-only reader over the bytes of a JSON document, for tokenizer.json's vocabulary and merges: a hundred
 * thousand keys and strings read without a String, a tree node or a symbol-table entry each, and the parts nobody
 * reads passed over by matching quotes and brackets. A general parser spends most of a fresh JVM's load of
 * tokenizer.json in its own field-name machinery, and the JIT compilers then spend seconds of CPU on that parser
 * while the first rows wait. Strings are handed out as UTF-8 bytes: straight from the document when they hold no
 * escape, else decoded into a buffer the next string reuses. What it passes over is checked for matching quotes
 * and brackets only; the native tokenizer, which parses the same file first, refuses anything else that is not JSON.
 */
public final class JsonCursor {
    private final byte[] doc;
    private final int end;
    private int pos;

    private byte[] scratch = new byte[64];
    /** The last string read: {@code stringBytes[stringStart, stringStart + stringLength)}, UTF-8. */
    private byte[] stringBytes;
    private int stringStart;
    private int stringLength;

    private byte[] open = new byte[32];

    public JsonCursor(byte[] doc, int from) {
        this.doc = doc;
        this.end = doc.length;
        this.pos = from;
        // A UTF-8 byte order mark, which general parsers pass over too.
        if (from == 0 && end >= 3 && (doc[0] & 0xFF) == 0xEF && (doc[1] & 0xFF) == 0xBB && (doc[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    int position() {
        return pos;
    }

    /** The next significant byte, not consumed; -1 at the end of the document. */
    public int peek() {
        skipSpace();
        return pos < end ? doc[pos] : -1;
    }

    public void expect(char c) throws IOException {
        if (peek() != c) {
            throw malformed("expected '" + c + "'");
        }
        pos++;
    }

    /** Consumes {@code c} when it comes next. */
    public boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** After a value inside an object or array: consumes the comma before another member, or the closing bracket. */
    public boolean more(char close) throws IOException {
        int c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            pos++;
            return false;
        }
        throw malformed("expected ',' or '" + close + "'");
    }

    /** Reads a string value; its bytes are then {@link #stringBytes()} from {@link #stringStart()}. */
    public void readString() throws IOException {
        if (peek() != '"') {
            throw malformed("expected a string");
        }
        int start = ++pos;
        int i = start;
        while (i < end) {
            byte b = doc[i];
            if (b == '"') {
                stringBytes = doc;
                stringStart = start;
                stringLength = i - start;
                pos = i + 1;
                return;
            }
            if (b == '\\') {
                decodeEscaped(start, i);
                return;
            }
            i++;
        }
        throw malformed("unterminated string");
    }

    String readText() throws IOException {
        readString();
        return new String(stringBytes, stringStart, stringLength, StandardCharsets.UTF_8);
    }

    public byte[] stringBytes() {
        return stringBytes;
    }

    public int stringStart() {
        return stringStart;
    }

    public int stringLength() {
        return stringLength;
    }

    /** A whole number that fits an int. */
    public int readInt() throws IOException {
        skipSpace();
        int i = pos;
        boolean negative = i < end && doc[i] == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end && doc[i] >= '0' && doc[i] <= '9' && digits < 11) {
            value = value * 10 + (doc[i++] - '0');
            digits++;
        }
        value = negative ? -value : value;
        if (digits == 0 || digits == 11 || value != (int) value || (i < end && !endsScalar(doc[i]))) {
            throw malformed("expected a whole number");
        }
        pos = i;
        return (int) value;
    }

    /** Passes over the next value, whatever it is; returns where it started. */
    int skipValue() throws IOException {
        int c = peek();
        int start = pos;
        if (c == '"') {
            skipString();
        } else if (c == '{' || c == '[') {
            skipNested();
        } else if (c >= 0 && !endsScalar((byte) c)) {
            while (pos < end && !endsScalar(doc[pos])) {
                pos++;
            }
        } else {
            throw malformed("expected a value");
        }
        return start;
    }

    /** Only white space may follow. */
    void expectEnd() throws IOException {
        if (peek() != -1) {
            throw malformed("unexpected content after the document");
        }
    }

    IOException malformed(String what) {
        return new IOException("not valid JSON at byte " + pos + ": " + what);
    }

    private void skipSpace() {
        while (pos < end) {
            byte b = doc[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private static boolean endsScalar(byte b) {
        return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == ':';
    }

    private void skipString() throws IOException {
        pos = afterString(pos + 1);
    }

    /** Where the string whose content starts at {@code i} ends, past its closing quote. */
    private int afterString(int i) throws IOException {
        while (i < end) {
            byte b = doc[i++];
            if (b == '"') {
                return i;
            }
            if (b == '\\') {
                i++;
            }
        }
        pos = end;
        throw malformed("unterminated string");
    }

    /** Matches brackets to the end of the object or array starting here, passing over strings whole. */
    private void skipNested() throws IOException {
        int depth = 0;
        int i = pos;
        while (i < end) {
            byte b = doc[i++];
            if (b == '"') {
                i = afterString(i);
            } else if (b == '{' || b == '[') {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = b;
            } else if (b == '}' || b == ']') {
                if (depth == 0 || open[depth - 1] != (b == '}' ? '{' : '[')) {
                    pos = i - 1;
                    throw malformed("unmatched '" + (char) b + "'");
                }
                if (--depth == 0) {
                    pos = i;
                    return;
                }
            }
        }
        pos = end;
        throw malformed("unclosed object or array");
    }

    /** Decodes a string whose first escape is at {@code escape} into the scratch buffer. */
    private void decodeEscaped(int start, int escape) throws IOException {
        int n = 0;
        n = append(start, escape - start, n);
        int i = escape;
        while (true) {
            if (i >= end) {
                pos = end;
                throw malformed("unterminated string");
            }
            byte b = doc[i];
            if (b == '"') {
                pos = i + 1;
                break;
            }
            if (b != '\\') {
                n = appendByte(b, n);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                pos = i;
                throw malformed("unterminated escape");
            }
            byte e = doc[i + 1];
            i += 2;
            switch (e) {
                case '"', '\\', '/' -> n = appendByte(e, n);
                case 'b' -> n = appendByte((byte) '\b', n);
                case 'f' -> n = appendByte((byte) '\f', n);
                case 'n' -> n = appendByte((byte) '\n', n);
                case 'r' -> n = appendByte((byte) '\r', n);
                case 't' -> n = appendByte((byte) '\t', n);
                case 'u' -> {
                    int unit = hex4(i);
                    i += 4;
                    int codePoint = unit;
                    if (Character.isHighSurrogate((char) unit) && i + 5 < end && doc[i] == '\\' && doc[i + 1] == 'u') {
                        int low = hex4(i + 2);
                        if (Character.isLowSurrogate((char) low)) {
                            codePoint = Character.toCodePoint((char) unit, (char) low);
                            i += 6;
                        }
                    }
                    n = appendCodePoint(codePoint, n);
                }
                default -> {
                    pos = i - 2;
                    throw malformed("unknown escape \\" + (char) e);
                }
            }
        }
        stringBytes = scratch;
        stringStart = 0;
        stringLength = n;
    }

    private int hex4(int at) throws IOException {
        if (at + 4 > end) {
            pos = at;
            throw malformed("short \\u escape");
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(doc[at + k], 16);
            if (d < 0) {
                pos = at;
                throw malformed("bad \\u escape");
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** UTF-8, with a lone surrogate written as its own three bytes so that it stays distinct. */
    private int appendCodePoint(int c, int n) {
        if (c < 0x80) {
            return appendByte((byte) c, n);
        }
        ensure(n + 4);
        if (c < 0x800) {
            scratch[n++] = (byte) (0xC0 | c >> 6);
        } else if (c < 0x10000) {
            scratch[n++] = (byte) (0xE0 | c >> 12);
            scratch[n++] = (byte) (0x80 | (c >> 6 & 0x3F));
        } else {
            scratch[n++] = (byte) (0xF0 | c >> 18);
            scratch[n++] = (byte) (0x80 | (c >> 12 & 0x3F));
            scratch[n++] = (byte) (0x80 | (c >> 6 & 0x3F));
        }
        scratch[n++] = (byte) (0x80 | (c & 0x3F));
        return n;
    }

    private int appendByte(byte b, int n) {
        ensure(n + 1);
        scratch[n] = b;
        return n + 1;
    }

    private int append(int from, int length, int n) {
        ensure(n + length);
        System.arraycopy(doc, from, scratch, n, length);
        return n + length;
    }

    private void ensure(int capacity) {
        if (capacity > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(capacity, scratch.length * 2));
        }
    }
}
