package io.chatprep.vision;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an Idefics3 configuration with the defaults transformers applies when a key is absent
 * ({@code Idefics3ImageProcessor}: {@code size.longest_edge} 1456, {@code max_image_size.longest_edge} 364, splitting
 * on; {@code Idefics3Processor}: {@code image_seq_len} 169), refusing what the token counts are not reproduced for.
 */
final class Idefics3Settings {
    private static final int DEFAULT_LONGEST_EDGE = 4 * 364;
    private static final int DEFAULT_TILE = 364;
    private static final int DEFAULT_SEQUENCE_LENGTH = 169;

    private Idefics3Settings() {
    }

    static ImageProcessor processor(JsonNode image, JsonNode processor, ImageProcessorFiles files) {
        // Without the longest-edge resize an image is tiled at its stored size: a 4000 px photo becomes 121 tiles,
        // a case no reference output here covers.
        ImageProcessors.refuseFalse(image, "do_resize", files, "Idefics3 then tiles images at their stored size");
        int longestEdge = longestEdge(image, "size", DEFAULT_LONGEST_EDGE, files);
        int tile = longestEdge(image, "max_image_size", DEFAULT_TILE, files);
        JsonNode splitting = image.get("do_image_splitting");
        if (splitting != null && !splitting.isNull() && !splitting.isBoolean()) {
            throw new IllegalArgumentException(ImageProcessors.key(files, "do_image_splitting")
                    + " must be true or false, got " + splitting);
        }
        boolean split = splitting == null || splitting.isNull() || splitting.asBoolean();
        int length = processor != null && processor.hasNonNull("image_seq_len")
                ? positiveInt(processor, "image_seq_len", files) : DEFAULT_SEQUENCE_LENGTH;
        return new Idefics3ImageProcessor(longestEdge, tile, split, length);
    }

    private static int longestEdge(JsonNode image, String name, int fallback, ImageProcessorFiles files) {
        JsonNode size = image.get(name);
        if (size == null || size.isNull()) {
            return fallback;
        }
        if (!size.isObject() || !size.hasNonNull("longest_edge")) {
            throw new IllegalArgumentException(ImageProcessors.key(files, name) + " must hold 'longest_edge' (Idefics3 "
                    + "resizes by the longest edge; fixed height and width are not supported), got " + size);
        }
        JsonNode edge = size.get("longest_edge");
        if (!edge.isIntegralNumber() || edge.asLong() <= 0 || edge.asLong() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(ImageProcessors.key(files, name + ".longest_edge")
                    + " must be a positive whole number, got " + edge);
        }
        return edge.asInt();
    }

    private static int positiveInt(JsonNode config, String name, ImageProcessorFiles files) {
        double v = ImageProcessors.positive(config, name, files);
        if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(ImageProcessors.key(files, name) + " must be a whole number, got "
                    + config.get(name));
        }
        return (int) v;
    }
}
