package io.chatprep.vision;

/**
 * What an image's header says, as PIL reads it: the format, the size of the stored pixels, and the EXIF
 * orientation (1 when absent) that transformers' {@code load_image} applies with {@code exif_transpose}.
 */
public record ImageHeader(String format, int width, int height, int orientation) {
    /** The width of the image transformers processes: orientations 5-8 turn it a quarter, swapping the sides. */
    public int loadedWidth() {
        return swapsSides() ? height : width;
    }

    public int loadedHeight() {
        return swapsSides() ? width : height;
    }

    private boolean swapsSides() {
        return orientation >= 5 && orientation <= 8;
    }
}
