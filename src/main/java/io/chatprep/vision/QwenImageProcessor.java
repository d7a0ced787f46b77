package io.chatprep.vision;

/**
 * Qwen2-VL, Qwen2.5-VL and Qwen3-VL: the image is resized by {@link SmartResize} to multiples of
 * {@code patch_size * merge_size}, cut into {@code patch_size} patches ({@code image_grid_thw = [1, h, w]}), and each
 * {@code merge_size x merge_size} block of patches is one {@code <|image_pad|>}: the processor replaces each
 * {@code <|image_pad|>} the template rendered with {@code grid_t * grid_h * grid_w / merge_size^2} of them.
 */
final class QwenImageProcessor implements ImageProcessor {
    private final String name;
    private final String token;
    private final int patchSize;
    private final int mergeSize;
    private final double minPixels;
    private final double maxPixels;

    QwenImageProcessor(String name, String token, int patchSize, int mergeSize, double minPixels, double maxPixels) {
        this.name = name;
        this.token = token;
        this.patchSize = patchSize;
        this.mergeSize = mergeSize;
        this.minPixels = minPixels;
        this.maxPixels = maxPixels;
    }

    @Override
    public String placeholder() {
        return token;
    }

    @Override
    public String imageToken() {
        return token;
    }

    @Override
    public ImageTokens expand(ImageHeader image) throws ImageException {
        int[] size = SmartResize.resize(image.loadedHeight(), image.loadedWidth(), patchSize * mergeSize,
                minPixels, maxPixels);
        int gridH = size[0] / patchSize;
        int gridW = size[1] / patchSize;
        int count = gridH * gridW / (mergeSize * mergeSize);
        return new ImageTokens(token.repeat(count), count, new int[] {1, gridH, gridW});
    }

    @Override
    public boolean hasGrid() {
        return true;
    }

    @Override
    public String description() {
        return name + ": patch " + patchSize + ", merge " + mergeSize + ", pixels " + number(minPixels) + "-"
                + number(maxPixels) + ", " + token + " per " + mergeSize + "x" + mergeSize + " patches";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
