package io.chatprep.vision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * PNG as PIL opens and loads it: the size from IHDR; then, because exif_transpose loads the image, every chunk to
 * IEND is visited for its metadata, pixel data skipped by its length. EXIF comes from the last {@code eXIf} chunk (or
 * a text chunk named {@code exif}), else from a {@code Raw profile type exif} text; XMP from a text chunk named
 * {@code XML:com.adobe.xmp}. Checksums are not verified and pixel data is not decompressed.
 */
final class PngHeader {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String XMP_KEY = "XML:com.adobe.xmp";
    private static final String RAW_EXIF_KEY = "Raw profile type exif";
    /** PIL's MAX_TEXT_CHUNK: a compressed text that inflates beyond it makes PIL fail. */
    private static final int MAX_TEXT = 1 << 20;

    private PngHeader() {
    }

    static boolean accepts(byte[] prefix) {
        return JpegHeader.startsWith(prefix, SIGNATURE);
    }

    static ImageHeader read(HeaderCursor in) throws IOException, ImageException {
        in.seek(SIGNATURE.length);
        int width = -1;
        int height = -1;
        boolean animated = false;
        boolean pastImageData = false;
        byte[] exif = null;
        String rawExif = null;
        String xmpText = null;
        byte[] xmpBytes = null;
        while (true) {
            long length;
            String type;
            try {
                length = in.u32be();
                type = new String(in.bytes(4), StandardCharsets.ISO_8859_1);
            } catch (ImageException e) {
                if (pastImageData) {
                    break; // PIL stops quietly when the file ends after the pixel data
                }
                throw e;
            }
            if (!isChunkType(type)) {
                if (!pastImageData) {
                    throw new ImageException("it is a broken PNG file (chunk " + type.strip() + ")");
                }
                break; // after the pixel data PIL stops at the first thing that is not a chunk
            }
            long dataStart = in.position();
            if (width < 0 && !type.equals("IHDR")) {
                throw new ImageException("it is a broken PNG file (no IHDR chunk first)");
            }
            switch (type) {
                case "IHDR" -> {
                    if (length < 13) {
                        throw new ImageException("its PNG IHDR chunk is too short");
                    }
                    width = (int) Math.min(Integer.MAX_VALUE, in.u32be());
                    height = (int) Math.min(Integer.MAX_VALUE, in.u32be());
                }
                case "IDAT", "fdAT" -> pastImageData = true;
                case "IEND" -> {
                    return header(width, height, exif, rawExif, xmpText, xmpBytes);
                }
                case "acTL" -> {
                    if (!pastImageData && length >= 8) {
                        animated = in.u32be() > 1;
                    }
                }
                case "fcTL" -> {
                    if (pastImageData && animated) {
                        return header(width, height, exif, rawExif, xmpText, xmpBytes); // the next frame starts
                    }
                }
                case "eXIf" -> {
                    byte[] data = chunk(in, length);
                    exif = new byte[6 + data.length];
                    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
                    System.arraycopy(data, 0, exif, 6, data.length);
                }
                case "tEXt", "zTXt", "iTXt" -> {
                    Text text = text(type, chunk(in, length));
                    if (text != null) {
                        switch (text.key) {
                            case "exif" -> {
                                if (type.equals("tEXt")) {
                                    exif = text.raw;
                                }
                            }
                            case RAW_EXIF_KEY -> rawExif = text.value;
                            case XMP_KEY -> {
                                xmpText = text.value;
                                if (type.equals("iTXt")) {
                                    xmpBytes = text.raw;
                                }
                            }
                            default -> { }
                        }
                    }
                }
                default -> { }
            }
            in.seek(dataStart + length + 4); // past the data and its checksum
        }
        return header(width, height, exif, rawExif, xmpText, xmpBytes);
    }

    private static ImageHeader header(int width, int height, byte[] exif, String rawExif, String xmpText,
                                      byte[] xmpBytes) throws ImageException {
        Orientation orientation = new Orientation();
        orientation.exif = exif != null ? exif : rawExif != null ? rawProfile(rawExif) : null;
        orientation.xmp = xmpText != null ? xmpText.getBytes(StandardCharsets.UTF_8) : xmpBytes;
        return new ImageHeader("PNG", width, height, orientation.resolve());
    }

    private static boolean isChunkType(String type) {
        for (int i = 0; i < 4; i++) {
            char c = type.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] chunk(HeaderCursor in, long length) throws IOException, ImageException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new ImageException("its PNG metadata chunk is too large");
        }
        return in.bytes((int) length);
    }

    /** A text chunk's key, its value as text, and (tEXt "exif", iTXt) the value's bytes. */
    private record Text(String key, String value, byte[] raw) {
    }

    private static Text text(String type, byte[] s) throws ImageException {
        int zero = indexOf(s, 0);
        String key = new String(s, 0, zero < 0 ? s.length : zero, StandardCharsets.ISO_8859_1);
        byte[] rest = zero < 0 ? new byte[0] : java.util.Arrays.copyOfRange(s, zero + 1, s.length);
        switch (type) {
            case "tEXt" -> {
                return key.isEmpty() ? null : new Text(key, new String(rest, StandardCharsets.ISO_8859_1), rest);
            }
            case "zTXt" -> {
                int method = rest.length > 0 ? rest[0] & 0xFF : 0;
                if (method != 0) {
                    throw new ImageException("its PNG zTXt chunk uses unknown compression " + method);
                }
                byte[] value = inflate(rest.length > 0 ? java.util.Arrays.copyOfRange(rest, 1, rest.length) : rest);
                return key.isEmpty() ? null : new Text(key, new String(value, StandardCharsets.ISO_8859_1), value);
            }
            default -> {
                if (zero < 0 || rest.length < 2) {
                    return null;
                }
                int flag = rest[0] & 0xFF;
                int method = rest[1] & 0xFF;
                byte[] r = java.util.Arrays.copyOfRange(rest, 2, rest.length);
                int lang = indexOf(r, 0);
                int translated = lang < 0 ? -1 : indexOf(r, lang + 1);
                if (translated < 0) {
                    return null;
                }
                byte[] value = java.util.Arrays.copyOfRange(r, translated + 1, r.length);
                if (flag != 0) {
                    if (method != 0) {
                        return null;
                    }
                    value = inflate(value);
                }
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(value)).toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    // PIL keeps the XMP bytes but drops the text entry
                    return key.equals(XMP_KEY) ? new Text(key, null, value) : null;
                }
                return new Text(key, text, value);
            }
        }
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** zlib-inflates a text value; PIL gives up on a damaged stream (empty value) and fails on an oversized one. */
    private static byte[] inflate(byte[] compressed) throws ImageException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_TEXT) {
                    throw new ImageException("its PNG text chunk inflates beyond PIL's limit of 1 MB");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return new byte[0];
        } finally {
            inflater.end();
        }
    }

    /** PIL's reading of an ImageMagick raw profile: the hex digits after the first three lines. */
    private static byte[] rawProfile(String text) throws ImageException {
        String[] lines = text.split("\n", -1);
        StringBuilder hex = new StringBuilder();
        for (int i = 3; i < lines.length; i++) {
            hex.append(lines[i]);
        }
        String digits = hex.toString().replaceAll("[ \t\n\r\u000b\f]", "");
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new ImageException("its PNG 'Raw profile type exif' text is not hexadecimal");
        }
    }
}
