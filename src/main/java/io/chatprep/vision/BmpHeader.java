package io.chatprep.vision;

import java.io.IOException;

/**
 * BMP as PIL's BmpImagePlugin reads its info header: the 12-byte OS/2 core header's 16-bit sides, or the
 * Windows headers' 32-bit ones, where a height whose top byte is 0xFF is a top-down bitmap of the negated height.
 * BMP carries no orientation.
 */
final class BmpHeader {
    private BmpHeader() {
    }

    static boolean accepts(byte[] prefix) {
        return prefix.length >= 2 && prefix[0] == 'B' && prefix[1] == 'M';
    }

    static ImageHeader read(HeaderCursor in) throws IOException, ImageException {
        in.seek(14);
        long headerSize = in.u32le();
        if (headerSize == 12) {
            return new ImageHeader("BMP", in.u16le(), in.u16le(), 1);
        }
        if (headerSize == 40 || headerSize == 52 || headerSize == 56 || headerSize == 64 || headerSize == 108
                || headerSize == 124) {
            long width = in.u32le();
            long height = in.u32le();
            if ((height >>> 24) == 0xFF) {
                height = (1L << 32) - height;
            }
            if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                throw new ImageException("its BMP size is out of range");
            }
            return new ImageHeader("BMP", (int) width, (int) height, 1);
        }
        throw new ImageException("it is a BMP with an unsupported header type (" + headerSize + ")");
    }
}
