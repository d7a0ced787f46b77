package io.chatprep.vision;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The orientation tag (0x0112) of an EXIF block as PIL's {@code Image.getexif()} finds it: the block is a TIFF
 * structure (after any leading {@code Exif\0\0}), and the tag is looked up in its first IFD. A truncated IFD keeps
 * the entries read before the cut, as PIL does. When EXIF has no orientation, PIL falls back to an XMP packet's
 * {@code tiff:Orientation} ({@link #fromXmp}).
 */
final class ExifOrientation {
    /** No orientation tag was found (as opposed to a tag with value 1). */
    static final int ABSENT = 0;

    private static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final Pattern XMP = Pattern.compile("tiff:Orientation(=\"|>)([0-9])");

    private ExifOrientation() {
    }

    /** The orientation in an EXIF block, or {@link #ABSENT}. */
    static int fromExif(byte[] exif) throws ImageException {
        int start = 0;
        while (startsWith(exif, start, EXIF_PREFIX)) {
            start += EXIF_PREFIX.length;
        }
        if (start == exif.length) {
            return ABSENT;
        }
        Tiff tiff = Tiff.header(exif, start);
        return tiff.orientation(tiff.firstIfd());
    }

    /** The orientation an XMP packet states, or {@link #ABSENT}; PIL reads one digit after {@code tiff:Orientation}. */
    static int fromXmp(byte[] xmp) {
        if (xmp == null) {
            return ABSENT;
        }
        Matcher m = XMP.matcher(new String(xmp, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(2).charAt(0) - '0' : ABSENT;
    }

    /** An orientation value as exif_transpose uses it: 2-8 transpose, anything else leaves the image as is. */
    static int effective(int orientation) {
        return orientation >= 2 && orientation <= 8 ? orientation : 1;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (data.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A TIFF structure in memory: byte order, and IFD entries read as PIL's ImageFileDirectory_v2 reads them. */
    record Tiff(byte[] data, int base, boolean little, boolean big) {
        static Tiff header(byte[] data, int base) throws ImageException {
            if (data.length - base < 8) {
                throw new ImageException("its EXIF block is not a TIFF structure (too short)");
            }
            int b0 = data[base] & 0xFF;
            int b1 = data[base + 1] & 0xFF;
            int b2 = data[base + 2] & 0xFF;
            int b3 = data[base + 3] & 0xFF;
            boolean little = b0 == 'I' && b1 == 'I' && b3 == 0 && (b2 == 0x2A || b2 == 0x2B);
            boolean bigEndian = b0 == 'M' && b1 == 'M' && b2 == 0 && (b3 == 0x2A || b3 == 0x2B);
            if (!little && !bigEndian) {
                throw new ImageException("its EXIF block is not a TIFF structure (bad byte-order mark)");
            }
            boolean bigTiff = (little ? b2 : b3) == 0x2B;
            return new Tiff(data, base, little, bigTiff);
        }

        long firstIfd() {
            return big ? u64(base + 8) : u32(base + 4);
        }

        /** Orientation in the IFD at {@code offset} (relative to the TIFF header), or {@link #ABSENT}. */
        int orientation(long offset) {
            long at = base + offset;
            int entrySize = big ? 20 : 12;
            if (at < base || at + (big ? 8 : 2) > data.length) {
                return ABSENT;
            }
            long count = big ? u64((int) at) : u16((int) at);
            long entries = at + (big ? 8 : 2);
            for (long i = 0; i < count; i++) {
                long e = entries + i * entrySize;
                if (e + entrySize > data.length) {
                    return ABSENT; // PIL stops at a truncated entry and keeps what came before
                }
                int tag = u16((int) e);
                if (tag != ORIENTATION_TAG) {
                    continue;
                }
                int type = u16((int) e + 2);
                long values = big ? u64((int) e + 4) : u32((int) e + 4);
                int valueAt = (int) e + (big ? 12 : 8);
                int unit = switch (type) {
                    case 1, 2, 6, 7 -> 1;
                    case 3, 8 -> 2;
                    case 4, 9, 11, 13 -> 4;
                    case 5, 10, 12, 16, 17, 18 -> 8;
                    default -> 0;
                };
                if (unit == 0 || values == 0) {
                    return ABSENT; // PIL skips a tag of unknown type, or without a value
                }
                long size = values * unit;
                if (size > (big ? 8 : 4)) {
                    long pointer = big ? u64(valueAt) : u32(valueAt);
                    if (pointer < 0 || base + pointer + size > data.length) {
                        return ABSENT;
                    }
                    valueAt = (int) (base + pointer);
                }
                return value(type, valueAt);
            }
            return ABSENT;
        }

        /**
         * The first value as exif_transpose compares it with 2..8: numbers equal to an integer count (PIL's rationals
         * and floats compare equal to ints), text and raw bytes never match.
         */
        int value(int type, int at) {
            double v = switch (type) {
                case 1 -> data[at] & 0xFF;
                case 6 -> data[at];
                case 3 -> u16(at);
                case 8 -> (short) u16(at);
                case 4, 13 -> u32(at);
                case 9 -> (int) u32(at);
                case 16, 17, 18 -> u64(at);
                case 11 -> Float.intBitsToFloat((int) u32(at));
                case 12 -> Double.longBitsToDouble(u64(at));
                case 5 -> u32(at + 4) == 0 ? Double.NaN : (double) u32(at) / u32(at + 4);
                case 10 -> (int) u32(at + 4) == 0 ? Double.NaN : (double) (int) u32(at) / (int) u32(at + 4);
                default -> Double.NaN;
            };
            return v == Math.rint(v) && v >= 1 && v <= 8 ? (int) v : 1;
        }

        int u16(int at) {
            int a = data[at] & 0xFF;
            int b = data[at + 1] & 0xFF;
            return little ? a | (b << 8) : (a << 8) | b;
        }

        long u32(int at) {
            long a = u16(at);
            long b = u16(at + 2);
            return little ? a | (b << 16) : (a << 16) | b;
        }

        long u64(int at) {
            long a = u32(at);
            long b = u32(at + 4);
            return little ? a | (b << 32) : (a << 32) | b;
        }
    }
}
