package io.chatprep.encode;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for input lines. Java's and Hadoop's decoding replace a malformed byte with U+FFFD, which would
 * train on text the data never held (a Latin-1 file's every accent); Python refuses such bytes, so a line that is
 * not UTF-8 is rejected naming where it breaks, as Python's {@code UnicodeDecodeError} does (the first byte of the
 * sequence that is not valid).
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * The position (from {@code offset}) of the first byte of the first invalid sequence in the range, or -1 when
     * the range is well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF, nothing cut short).
     */
    public static int firstInvalid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    low = 0xA0;
                } else if (b == 0xED) {
                    high = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    low = 0x90;
                } else if (b == 0xF4) {
                    high = 0x8F;
                }
            } else {
                return i - offset;
            }
            if (i + need >= end) {
                return i - offset; // cut short
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i - offset;
            }
            for (int k = 2; k <= need; k++) {
                int c = bytes[i + k] & 0xFF;
                if (c < 0x80 || c > 0xBF) {
                    return i - offset;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    /** The range as a String; a malformed range must have been refused first ({@link #firstInvalid}). */
    public static String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /**
     * Why a line is refused: the offending byte, its offset in the line and, when known ({@code lineStart} >= 0), in
     * the file.
     */
    public static String reason(byte[] bytes, int offset, int bad, long lineStart) {
        return String.format("not UTF-8: byte 0x%02X at byte %d of the line%s does not start a valid UTF-8 sequence "
                        + "(the input must be UTF-8; convert Latin-1 or other encodings first)",
                bytes[offset + bad] & 0xFF, bad, lineStart >= 0 ? " (byte " + (lineStart + bad) + " of the file)" : "");
    }
}
