package io.chatprep.vision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * WebP as libwebp's demuxer (under PIL) reports it: the canvas of an extended ({@code VP8X}) file, else the size
 * in the lone {@code VP8 } or {@code VP8L} bitstream's header. EXIF and XMP come from the first {@code EXIF} and
 * {@code XMP } chunks of an extended file whose flags announce them.
 */
final class WebpHeader {
    private static final int XMP_FLAG = 0x04;
    private static final int EXIF_FLAG = 0x08;

    private WebpHeader() {
    }

    static boolean accepts(byte[] prefix) {
        if (prefix.length < 16) {
            return false;
        }
        String riff = new String(prefix, 0, 16, StandardCharsets.ISO_8859_1);
        String mode = riff.substring(12, 16);
        return riff.startsWith("RIFF") && riff.startsWith("WEBP", 8)
                && (mode.equals("VP8 ") || mode.equals("VP8X") || mode.equals("VP8L"));
    }

    static ImageHeader read(HeaderCursor in) throws IOException, ImageException {
        in.seek(12);
        String first = fourcc(in);
        long firstLength = in.u32le();
        long firstData = in.position();
        switch (first) {
            case "VP8 " -> {
                in.skip(3);
                if (in.u8() != 0x9D || in.u8() != 0x01 || in.u8() != 0x2A) {
                    throw new ImageException("its WebP VP8 bitstream has no frame start code");
                }
                return new ImageHeader("WEBP", in.u16le() & 0x3FFF, in.u16le() & 0x3FFF, 1);
            }
            case "VP8L" -> {
                if (in.u8() != 0x2F) {
                    throw new ImageException("its WebP VP8L bitstream has no signature");
                }
                long bits = in.u32le();
                return new ImageHeader("WEBP", (int) (bits & 0x3FFF) + 1, (int) ((bits >>> 14) & 0x3FFF) + 1, 1);
            }
            default -> {
                int flags = in.u8();
                in.skip(3);
                int width = in.u24le() + 1;
                int height = in.u24le() + 1;
                Orientation orientation = new Orientation();
                long next = firstData + firstLength + (firstLength & 1);
                while (true) {
                    in.seek(next);
                    if (!in.hasMore()) {
                        break;
                    }
                    String type = fourcc(in);
                    long length = in.u32le();
                    if (type.equals("EXIF") && (flags & EXIF_FLAG) != 0 && orientation.exif == null) {
                        orientation.exif = chunk(in, length);
                    } else if (type.equals("XMP ") && (flags & XMP_FLAG) != 0 && orientation.xmp == null) {
                        orientation.xmp = chunk(in, length);
                    }
                    next = next + 8 + length + (length & 1);
                }
                return new ImageHeader("WEBP", width, height, orientation.resolve());
            }
        }
    }

    private static String fourcc(HeaderCursor in) throws IOException, ImageException {
        return new String(in.bytes(4), StandardCharsets.ISO_8859_1);
    }

    private static byte[] chunk(HeaderCursor in, long length) throws IOException, ImageException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new ImageException("its WebP metadata chunk is too large");
        }
        return in.bytes((int) length);
    }
}
