package io.chatprep.vision;

/**
 * A model family's processor, reduced to what the token ids depend on: the placeholder its chat template renders
 * for each image, and what the processor replaces that placeholder with for an image of a given size.
 * Implementations are immutable and thread-safe.
 */
public interface ImageProcessor {
    /** The text the processor looks for in the rendered conversation, once per image, in order. */
    String placeholder();

    /** The token an image's features take the place of (repeated in the replacement); never trained. */
    String imageToken();

    /** The replacement for one image as it is loaded (EXIF orientation applied). */
    ImageTokens expand(ImageHeader image) throws ImageException;

    /** Whether {@link ImageTokens#grid()} is set: the family's processors return {@code image_grid_thw}. */
    boolean hasGrid();

    /** One line for run output, e.g. "Qwen2.5-VL (Qwen2_5_VLProcessor): patch 14, merge 2, pixels 3136-12845056". */
    String description();
}
