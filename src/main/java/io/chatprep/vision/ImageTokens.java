package io.chatprep.vision;

/**
 * What one image becomes in the text: the replacement for its placeholder, how many image tokens it holds, and
 * the processor's grid ({@code [t, h, w]} patches, Qwen's {@code image_grid_thw} row) or null.
 */
public record ImageTokens(String replacement, int count, int[] grid) {
}
