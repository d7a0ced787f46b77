package io.chatprep.vision;

import java.io.IOException;

/**
 * TIFF (and BigTIFF) as PIL's TiffImagePlugin reads its first image file directory: width (256), length (257),
 * orientation (274) and the XMP packet (700). Entries are read in order, and an entry whose value lies past the end
 * of the file ends the directory there, as PIL's reader does. PIL turns a TIFF by its orientation when it loads it,
 * so the loaded size follows the same rule as EXIF elsewhere.
 */
final class TiffHeader {
    private static final int WIDTH = 256;
    private static final int LENGTH = 257;
    private static final int ORIENTATION = 274;
    private static final int XMP = 700;

    private TiffHeader() {
    }

    static boolean accepts(byte[] p) {
        if (p.length < 4) {
            return false;
        }
        int a = p[0] & 0xFF;
        int b = p[1] & 0xFF;
        int c = p[2] & 0xFF;
        int d = p[3] & 0xFF;
        boolean mm = a == 'M' && b == 'M';
        boolean ii = a == 'I' && b == 'I';
        return (mm && ((c == 0 && d == 0x2A) || (c == 0x2A && d == 0) || (c == 0 && d == 0x2B)))
                || (ii && ((c == 0x2A && d == 0) || (c == 0 && d == 0x2A) || (c == 0x2B && d == 0)));
    }

    static ImageHeader read(HeaderCursor in, byte[] prefix) throws IOException, ImageException {
        // PIL takes the byte order from the first two bytes and BigTIFF from the version number.
        boolean little = prefix[0] == 'I';
        boolean big = (little ? prefix[2] & 0xFF : prefix[3] & 0xFF) == 0x2B;
        Reader r = new Reader(in, little);
        in.seek(big ? 8 : 4);
        long ifd = big ? r.u64() : r.u32();
        in.seek(ifd);
        long count = big ? r.u64() : r.u16();
        long entries = in.position();
        int entrySize = big ? 20 : 12;
        long width = -1;
        long height = -1;
        int orientation = ExifOrientation.ABSENT;
        byte[] xmp = null;
        for (long i = 0; i < count; i++) {
            try {
                in.seek(entries + i * entrySize);
                int tag = r.u16();
                int type = r.u16();
                long values = big ? r.u64() : r.u32();
                long valueField = in.position();
                int unit = unit(type);
                if (unit == 0 || values == 0) {
                    continue;
                }
                long size = values * unit;
                long at = size > (big ? 8 : 4) ? (big ? r.u64() : r.u32()) : valueField;
                switch (tag) {
                    case WIDTH -> width = r.integerAt(at, type);
                    case LENGTH -> height = r.integerAt(at, type);
                    case ORIENTATION -> orientation = orientationOf(r, at, type, size);
                    case XMP -> {
                        in.seek(at);
                        xmp = in.bytes((int) Math.min(size, Integer.MAX_VALUE - 8));
                    }
                    default -> {
                        in.seek(at + size - 1); // PIL reads every value; one past the file's end stops the directory
                        in.u8();
                    }
                }
            } catch (ImageException e) {
                break;
            }
        }
        if (width < 0 || height < 0) {
            throw new ImageException("its TIFF directory has no image width or length");
        }
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new ImageException("its TIFF size is out of range");
        }
        if (orientation == ExifOrientation.ABSENT) {
            orientation = ExifOrientation.fromXmp(xmp);
        }
        return new ImageHeader("TIFF", (int) width, (int) height, ExifOrientation.effective(orientation));
    }

    /** The first value, compared as exif_transpose compares it (the same rule as an EXIF block's). */
    private static int orientationOf(Reader r, long at, int type, long size) throws IOException, ImageException {
        r.in.seek(at);
        byte[] value = r.in.bytes((int) Math.min(size, 8));
        return new ExifOrientation.Tiff(value, 0, r.little, false).value(type, 0);
    }

    /** Bytes per value of each TIFF type PIL reads (0: a type it skips). */
    private static int unit(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }

    private record Reader(HeaderCursor in, boolean little) {
        int u16() throws IOException, ImageException {
            return little ? in.u16le() : in.u16be();
        }

        long u32() throws IOException, ImageException {
            return little ? in.u32le() : in.u32be();
        }

        long u64() throws IOException, ImageException {
            long a = u32();
            long b = u32();
            return little ? a | (b << 32) : (a << 32) | b;
        }

        /** A width or length: PIL accepts only integer types here. */
        long integerAt(long at, int type) throws IOException, ImageException {
            in.seek(at);
            return switch (type) {
                case 1 -> in.u8();
                case 3 -> u16();
                case 4, 13 -> u32();
                case 16 -> u64();
                default -> throw new ImageException("its TIFF size is not an integer");
            };
        }
    }
}
