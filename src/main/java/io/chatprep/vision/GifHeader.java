package io.chatprep.vision;

import java.io.IOException;

/**
 * GIF as PIL opens it: the logical screen's size, grown to the first frame's extent when that frame reaches past
 * the screen (PIL's first {@code _seek}). Extension blocks before the first image descriptor are skipped by their
 * sub-block lengths; GIF carries no orientation PIL reads.
 */
final class GifHeader {
    private GifHeader() {
    }

    static boolean accepts(byte[] prefix) {
        if (prefix.length < 6) {
            return false;
        }
        String magic = new String(prefix, 0, 6, java.nio.charset.StandardCharsets.ISO_8859_1);
        return magic.equals("GIF87a") || magic.equals("GIF89a");
    }

    static ImageHeader read(HeaderCursor in) throws IOException, ImageException {
        in.seek(6);
        int width = in.u16le();
        int height = in.u16le();
        int flags = in.u8();
        in.skip(2);
        if ((flags & 0x80) != 0) {
            in.skip(3L << ((flags & 7) + 1));
        }
        while (true) {
            if (!in.hasMore()) {
                throw new ImageException("its GIF has no image (PIL: image not found in GIF frame)");
            }
            int s = in.u8();
            if (s == ';') {
                throw new ImageException("its GIF has no image (PIL: no more images in GIF file)");
            } else if (s == '!') {
                in.u8(); // the extension's label
                skipSubBlocks(in);
            } else if (s == ',') {
                int x0 = in.u16le();
                int y0 = in.u16le();
                int x1 = x0 + in.u16le();
                int y1 = y0 + in.u16le();
                return new ImageHeader("GIF", Math.max(width, x1), Math.max(height, y1), 1);
            }
            // PIL passes over any other byte
        }
    }

    private static void skipSubBlocks(HeaderCursor in) throws IOException, ImageException {
        while (in.hasMore()) {
            int size = in.u8();
            if (size == 0) {
                return;
            }
            in.skip(size);
        }
    }
}
