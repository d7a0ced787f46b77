package io.chatprep.vision;

import java.io.IOException;

/**
 * Reads an image's header the way transformers' {@code load_image} sees the image (PIL's {@code Image.open}, then
 * {@code exif_transpose}): format by signature, stored size and EXIF orientation. Formats: PNG, JPEG, GIF, WebP,
 * BMP and TIFF. Only headers and metadata are read, never pixel data, so an image whose pixels are damaged is not
 * noticed here (PIL would fail to decode it).
 */
public final class ImageHeaders {
    /** PIL's Image.MAX_IMAGE_PIXELS doubled: larger images are refused as decompression bombs. */
    public static final long MAX_PIXELS = 2L * 89_478_485L;

    public static final String SUPPORTED = "PNG, JPEG, GIF, WebP, BMP, TIFF";

    private ImageHeaders() {
    }

    public static ImageHeader read(ByteSource source) throws IOException, ImageException {
        HeaderCursor in = new HeaderCursor(source);
        byte[] prefix = in.upTo(16);
        ImageHeader header;
        if (PngHeader.accepts(prefix)) {
            header = PngHeader.read(in);
        } else if (JpegHeader.accepts(prefix)) {
            header = JpegHeader.read(in);
        } else if (GifHeader.accepts(prefix)) {
            header = GifHeader.read(in);
        } else if (WebpHeader.accepts(prefix)) {
            header = WebpHeader.read(in);
        } else if (BmpHeader.accepts(prefix)) {
            header = BmpHeader.read(in);
        } else if (TiffHeader.accepts(prefix)) {
            header = TiffHeader.read(in, prefix);
        } else {
            throw new ImageException(prefix.length == 0 ? "the file is empty"
                    : "not an image in a supported format (" + SUPPORTED + ")");
        }
        if (header.width() <= 0 || header.height() <= 0) {
            throw new ImageException("its header gives no size (" + header.width() + "x" + header.height() + ")");
        }
        if ((long) header.width() * header.height() > MAX_PIXELS) {
            throw new ImageException("it has " + (long) header.width() * header.height() + " pixels, more than PIL "
                    + "opens (" + MAX_PIXELS + ", refused as a decompression bomb)");
        }
        return header;
    }
}
