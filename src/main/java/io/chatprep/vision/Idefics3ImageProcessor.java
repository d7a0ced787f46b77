package io.chatprep.vision;

/**
 * Idefics3 ({@code Idefics3Processor} with {@code Idefics3ImageProcessor}): the loaded image's longest edge is scaled
 * to {@code size.longest_edge} (up or down, the other side truncated and rounded up to even, both kept within
 * 4096), then, with image splitting, both sides are raised to multiples of the tile side
 * ({@code max_image_size.longest_edge}) and an image larger than one tile becomes rows x columns tiles plus a global
 * view; without splitting it is one tile. Each tile is {@code image_seq_len} {@code <image>} tokens, framed as
 * {@code replace_image_token} frames them. Sizes follow transformers' arithmetic step by step (doubles, {@code int()}
 * truncation, {@code math.ceil}), since the intermediate rounding decides the tile count.
 */
final class Idefics3ImageProcessor implements ImageProcessor {
    static final String IMAGE_TOKEN = "<image>";
    private static final String FAKE = "<fake_token_around_image>";
    private static final String GLOBAL = "<global-img>";
    /** transformers' MAX_IMAGE_SIZE: no side exceeds it after the longest-edge resize. */
    private static final int MAX_SIDE = 4096;

    private final int longestEdge;
    private final int tile;
    private final boolean split;
    private final int sequenceLength;
    private final String global;

    Idefics3ImageProcessor(int longestEdge, int tile, boolean split, int sequenceLength) {
        this.longestEdge = longestEdge;
        this.tile = tile;
        this.split = split;
        this.sequenceLength = sequenceLength;
        this.global = FAKE + GLOBAL + IMAGE_TOKEN.repeat(sequenceLength) + FAKE;
    }

    @Override
    public String placeholder() {
        return IMAGE_TOKEN;
    }

    @Override
    public String imageToken() {
        return IMAGE_TOKEN;
    }

    @Override
    public ImageTokens expand(ImageHeader image) throws ImageException {
        int[] grid = split ? tiles(image.loadedHeight(), image.loadedWidth()) : new int[] {0, 0};
        int rows = grid[0];
        int cols = grid[1];
        if (rows == 0 && cols == 0) {
            return new ImageTokens(global, sequenceLength, null);
        }
        String run = IMAGE_TOKEN.repeat(sequenceLength);
        StringBuilder text = new StringBuilder((rows * cols + 1) * (run.length() + 40));
        for (int r = 1; r <= rows; r++) {
            for (int c = 1; c <= cols; c++) {
                text.append(FAKE).append("<row_").append(r).append("_col_").append(c).append('>').append(run);
            }
            text.append('\n');
        }
        text.append('\n').append(global);
        return new ImageTokens(text.toString(), sequenceLength * (rows * cols + 1), null);
    }

    /** {rows, cols} of the split image, {0, 0} when it fits one tile. */
    int[] tiles(int height, int width) throws ImageException {
        int[] size = scaleLongestEdge(height, width, longestEdge);
        size = capSides(size[0], size[1]);
        int h = size[0];
        int w = size[1];
        // resize_for_vision_encoder: the longer side rounded up to tiles, the other from the aspect ratio, then up
        double aspect = (double) w / h;
        if (w >= h) {
            w = (int) Math.ceil((double) w / tile) * tile;
            h = (int) (w / aspect);
            h = (int) Math.ceil((double) h / tile) * tile;
        } else {
            h = (int) Math.ceil((double) h / tile) * tile;
            w = (int) (h * aspect);
            w = (int) Math.ceil((double) w / tile) * tile;
        }
        if (h == 0 || w == 0) {
            throw new ImageException("the image (" + width + " x " + height + ") resizes to an empty side for "
                    + "Idefics3's tiles");
        }
        return h > tile || w > tile ? new int[] {h / tile, w / tile} : new int[] {0, 0};
    }

    /** _resize_output_size_rescale_to_max_len: the longest edge becomes {@code max}, the other side even. */
    private static int[] scaleLongestEdge(int height, int width, int max) {
        double aspect = (double) width / height;
        int h;
        int w;
        if (width >= height) {
            w = max;
            h = (int) (w / aspect);
            h += h % 2;
        } else {
            h = max;
            w = (int) (h * aspect);
            w += w % 2;
        }
        return new int[] {Math.max(h, 1), Math.max(w, 1)};
    }

    /** _resize_output_size_scale_below_upper_bound with transformers' MAX_IMAGE_SIZE. */
    private static int[] capSides(int height, int width) {
        double aspect = (double) width / height;
        int h = height;
        int w = width;
        if (width >= height && width > MAX_SIDE) {
            w = MAX_SIDE;
            h = (int) (w / aspect);
        } else if (height > width && height > MAX_SIDE) {
            h = MAX_SIDE;
            w = (int) (h * aspect);
        }
        return new int[] {Math.max(h, 1), Math.max(w, 1)};
    }

    @Override
    public boolean hasGrid() {
        return false;
    }

    @Override
    public String description() {
        return "Idefics3 (Idefics3Processor): longest edge " + longestEdge + ", "
                + (split ? "split into " + tile + " px tiles" : "one " + tile + " px image, no splitting") + ", "
                + sequenceLength + " " + IMAGE_TOKEN + " per tile";
    }
}
