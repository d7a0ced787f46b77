package io.chatprep.vision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JPEG as PIL's JpegImagePlugin opens it: markers are walked from the start of the file up to the first start of
 * scan; the last start-of-frame gives the size; APP1 {@code Exif} blocks are joined (the first whole, later ones
 * without their prefix) and the last APP1 XMP packet is kept. The entropy-coded data is never read.
 */
final class JpegHeader {
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] JFIF = "JFIF".getBytes(StandardCharsets.ISO_8859_1);

    private JpegHeader() {
    }

    static boolean accepts(byte[] prefix) {
        return prefix.length >= 3 && (prefix[0] & 0xFF) == 0xFF && (prefix[1] & 0xFF) == 0xD8 && (prefix[2] & 0xFF) == 0xFF;
    }

    static ImageHeader read(HeaderCursor in) throws IOException, ImageException {
        in.seek(3);
        int width = 0;
        int height = 0;
        boolean dpi = false;
        Orientation orientation = new Orientation();
        int current = 0xFF; // the third byte of the signature is the first marker's 0xFF
        while (true) {
            if (current != 0xFF) {
                current = in.u8(); // junk between markers
                continue;
            }
            int marker = 0xFF00 | in.u8();
            if (marker >= 0xFFC0 && marker <= 0xFFFE) {
                if (isFrame(marker)) {
                    byte[] s = segment(in);
                    if (s.length < 6) {
                        throw new ImageException("its JPEG frame header is too short");
                    }
                    height = ((s[1] & 0xFF) << 8) | (s[2] & 0xFF);
                    width = ((s[3] & 0xFF) << 8) | (s[4] & 0xFF);
                    if ((s[0] & 0xFF) != 8) {
                        throw new ImageException("it is a " + (s[0] & 0xFF) + "-bit JPEG, which PIL cannot open");
                    }
                    int layers = s[5] & 0xFF;
                    if (layers != 1 && layers != 3 && layers != 4) {
                        throw new ImageException("it is a JPEG of " + layers + " components, which PIL cannot open");
                    }
                    if ((s.length - 6) % 3 != 0) {
                        throw new ImageException("its JPEG frame header is malformed");
                    }
                } else if (marker >= 0xFFE0 && marker <= 0xFFEF) {
                    byte[] s = segment(in);
                    if (marker == 0xFFE1 && startsWith(s, EXIF)) {
                        orientation.exif = orientation.exif == null ? s : concat(orientation.exif, s, EXIF.length);
                    } else if (marker == 0xFFE1 && startsWith(s, XMP)) {
                        orientation.xmp = java.util.Arrays.copyOfRange(s, XMP.length, s.length);
                    } else if (marker == 0xFFE0 && startsWith(s, JFIF) && s.length > 7) {
                        int unit = s[7] & 0xFF;
                        dpi |= s.length >= 12 && (unit == 1 || unit == 2);
                    }
                } else if (marker == 0xFFDB) {
                    checkQuantization(segment(in));
                } else if (hasLength(marker)) {
                    segment(in);
                }
                if (marker == 0xFFDA) {
                    break;
                }
                current = in.u8();
            } else if (marker == 0xFFFF) {
                current = 0xFF;
            } else if (marker == 0xFF00) {
                current = in.u8();
            } else {
                throw new ImageException("its JPEG marker stream is broken (no marker found)");
            }
        }
        // PIL reads EXIF for the resolution when the JFIF block gives none, and forgets a broken block then.
        orientation.badExifMeansNone = !dpi;
        return new ImageHeader("JPEG", width, height, orientation.resolve());
    }

    private static boolean isFrame(int marker) {
        return (marker >= 0xFFC0 && marker <= 0xFFCF && marker != 0xFFC4 && marker != 0xFFC8 && marker != 0xFFCC)
                || marker == 0xFFDE;
    }

    /** Markers PIL reads a length for (every one but SOI, EOI, RSTn, JPG and JPGn). */
    private static boolean hasLength(int marker) {
        return !(marker == 0xFFC8 || (marker >= 0xFFD0 && marker <= 0xFFD9) || (marker >= 0xFFF0 && marker <= 0xFFFD));
    }

    private static byte[] segment(HeaderCursor in) throws IOException, ImageException {
        int n = in.u16be() - 2;
        return n <= 0 ? new byte[0] : in.bytes(n);
    }

    private static void checkQuantization(byte[] s) throws ImageException {
        int at = 0;
        while (at < s.length) {
            int precision = (s[at] & 0xFF) / 16 == 0 ? 1 : 2;
            int length = 1 + precision * 64;
            if (s.length - at < length) {
                throw new ImageException("its JPEG quantization table is malformed");
            }
            at += length;
        }
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b, int skip) {
        int extra = Math.max(0, b.length - skip);
        byte[] out = java.util.Arrays.copyOf(a, a.length + extra);
        System.arraycopy(b, b.length - extra, out, a.length, extra);
        return out;
    }
}
