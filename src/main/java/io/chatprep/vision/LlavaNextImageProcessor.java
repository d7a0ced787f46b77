package io.chatprep.vision;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * LLaVA-NeXT (LlavaNextProcessor) any-resolution tiling: the processor picks from {@code image_grid_pinpoints} the
 * resolution that keeps most of the image and wastes least ({@code select_best_resolution}), cuts it into
 * {@code crop_size} tiles, and adds the whole image at one tile's size. The language model sees the tiles' features
 * with the letterbox padding removed, a newline feature after each row of them, then the base image's features (plus
 * {@code num_additional_image_tokens}, the vision tower's CLS, which {@code vision_feature_select_strategy}
 * "default" drops again). The template's {@code <image>} becomes that many {@code <image>} tokens.
 *
 * <p>The arithmetic is transformers' in Python's terms, because the counts turn on it: doubles for the aspect ratios
 * and scales, truncation for {@code int()}, and {@code round(x, 7)} rounding the double's exact value half to even.
 */
final class LlavaNextImageProcessor implements ImageProcessor {
    /** LlavaNextImageProcessor's defaults when the configuration leaves the key out. */
    private static final int[][] DEFAULT_PINPOINTS = {{336, 672}, {672, 336}, {672, 672}, {1008, 336}, {336, 1008}};
    private static final int DEFAULT_CROP = 224;

    private final String token;
    private final int[][] pinpoints;
    private final int tileHeight;
    private final int tileWidth;
    private final int patchSize;
    private final int additionalTokens;
    private final boolean dropsFirstFeature;

    LlavaNextImageProcessor(String token, int[][] pinpoints, int tileHeight, int tileWidth, int patchSize,
                            int additionalTokens, boolean dropsFirstFeature) {
        this.token = token;
        this.pinpoints = pinpoints;
        this.tileHeight = tileHeight;
        this.tileWidth = tileWidth;
        this.patchSize = patchSize;
        this.additionalTokens = additionalTokens;
        this.dropsFirstFeature = dropsFirstFeature;
    }

    /**
     * From the image processor's settings and {@code processor_config.json} (null when absent), where LlavaNextProcessor
     * finds {@code patch_size}, {@code vision_feature_select_strategy}, {@code num_additional_image_tokens} and
     * {@code image_token} (the tokenizer's {@code image_token}, when it names one, wins as in transformers).
     */
    static LlavaNextImageProcessor from(JsonNode image, JsonNode processor, ImageProcessorFiles files,
                                        Map<String, String> specialTokens) {
        JsonNode centerCrop = image.get("do_center_crop");
        if (centerCrop != null && centerCrop.isBoolean() && !centerCrop.asBoolean()) {
            // the tile size would then come from 'size' and the resize rules; only crop_size tiles are reproduced
            throw new IllegalArgumentException(ImageProcessors.key(files, "do_center_crop") + " is false: not "
                    + "supported (LLaVA-NeXT's token count is reproduced for crop_size tiles)");
        }
        int tileHeight = DEFAULT_CROP;
        int tileWidth = DEFAULT_CROP;
        JsonNode crop = image.get("crop_size");
        if (crop != null && !crop.isNull()) {
            if (!crop.path("height").canConvertToInt() || !crop.path("width").canConvertToInt()
                    || crop.get("height").asInt() <= 0 || crop.get("width").asInt() <= 0) {
                throw new IllegalArgumentException(ImageProcessors.key(files, "crop_size")
                        + " must hold a positive 'height' and 'width', got " + crop);
            }
            tileHeight = crop.get("height").asInt();
            tileWidth = crop.get("width").asInt();
        }
        int[][] pinpoints = pinpoints(image.get("image_grid_pinpoints"), tileHeight, tileWidth, files);
        if (processor == null || !processor.hasNonNull("patch_size")) {
            throw new IllegalArgumentException(files.origin() + ": LlavaNextProcessor needs 'patch_size' in "
                    + ImageProcessorFiles.PROCESSOR_CONFIG + " (the vision tower's patch, 14 for CLIP ViT-L/14)");
        }
        int patchSize = (int) ImageProcessors.positive(processor, "patch_size", files);
        int additional = 0;
        if (processor.hasNonNull("num_additional_image_tokens")) {
            JsonNode n = processor.get("num_additional_image_tokens");
            if (!n.canConvertToInt() || n.asInt() < 0) {
                throw new IllegalArgumentException(ImageProcessors.key(files, "num_additional_image_tokens")
                        + " must be a whole number of 0 or more, got " + n);
            }
            additional = n.asInt();
        }
        String strategy = processor.hasNonNull("vision_feature_select_strategy")
                ? processor.get("vision_feature_select_strategy").asText() : "full";
        if (!strategy.equals("default") && !strategy.equals("full")) {
            throw new IllegalArgumentException(ImageProcessors.key(files, "vision_feature_select_strategy")
                    + " must be \"default\" or \"full\", got \"" + strategy + "\"");
        }
        String token = specialTokens.getOrDefault("image_token",
                processor.hasNonNull("image_token") ? processor.get("image_token").asText() : "<image>");
        return new LlavaNextImageProcessor(token, pinpoints, tileHeight, tileWidth, patchSize, additional,
                strategy.equals("default"));
    }

    private static int[][] pinpoints(JsonNode node, int tileHeight, int tileWidth, ImageProcessorFiles files) {
        if (node == null || node.isNull()) {
            return DEFAULT_PINPOINTS;
        }
        String bad = ImageProcessors.key(files, "image_grid_pinpoints");
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(bad + " must be a list of [height, width] pairs, got " + node);
        }
        int[][] out = new int[node.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode p = node.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).canConvertToInt() || !p.get(1).canConvertToInt()) {
                throw new IllegalArgumentException(bad + " must be a list of [height, width] pairs, got " + p);
            }
            int h = p.get(0).asInt();
            int w = p.get(1).asInt();
            // tiles that do not divide a resolution leave a partial tile whose count transformers' formula and its
            // pixel values disagree on; the published configurations use whole tiles
            if (h <= 0 || w <= 0 || h % tileHeight != 0 || w % tileWidth != 0) {
                throw new IllegalArgumentException(bad + ": " + p + " is not a whole number of " + tileHeight + "x"
                        + tileWidth + " tiles (crop_size); not supported");
            }
            out[i] = new int[] {h, w};
        }
        return out;
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
    public ImageTokens expand(ImageHeader image) {
        long height = image.loadedHeight();
        long width = image.loadedWidth();
        int[] best = bestResolution(height, width);
        long patchesHigh = tileHeight / patchSize;
        long patchesWide = tileWidth / patchSize;
        long currentHeight = patchesHigh * (best[0] / tileHeight);
        long currentWidth = patchesWide * (best[1] / tileWidth);
        // the tiles hold the image letterboxed; the features of the padding rows or columns are removed
        if ((double) width / height > (double) currentWidth / currentHeight) {
            long newHeight = roundSevenTruncate(height * ((double) currentWidth / width));
            currentHeight -= Math.floorDiv(currentHeight - newHeight, 2) * 2;
        } else {
            long newWidth = roundSevenTruncate(width * ((double) currentHeight / height));
            currentWidth -= Math.floorDiv(currentWidth - newWidth, 2) * 2;
        }
        long count = currentHeight * currentWidth + currentHeight + patchesHigh * patchesWide + additionalTokens
                - (dropsFirstFeature ? 1 : 0);
        int n = Math.toIntExact(count);
        return new ImageTokens(token.repeat(n), n, null);
    }

    /**
     * select_best_resolution: most of the image kept at the downscaled size, then least area wasted; the first wins
     * ties. Its first resolution always beats the starting values (0 kept, infinite waste), so there is always one.
     */
    private int[] bestResolution(long height, long width) {
        int[] best = pinpoints[0];
        long maxEffective = 0;
        long minWasted = Long.MAX_VALUE;
        for (int[] p : pinpoints) {
            double scale = Math.min((double) p[1] / width, (double) p[0] / height);
            long effective = Math.min((long) (width * scale) * (long) (height * scale), width * height);
            long wasted = (long) p[0] * p[1] - effective;
            if (effective > maxEffective || (effective == maxEffective && wasted < minWasted)) {
                maxEffective = effective;
                minWasted = wasted;
                best = p;
            }
        }
        return best;
    }

    /** {@code int(round(x, 7))} for x of 0 or more: Python rounds the double's exact decimal value half to even. */
    private static long roundSevenTruncate(double x) {
        return new BigDecimal(x).setScale(7, RoundingMode.HALF_EVEN).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    @Override
    public boolean hasGrid() {
        return false;
    }

    @Override
    public String description() {
        StringBuilder grid = new StringBuilder();
        for (int[] p : pinpoints) {
            grid.append(grid.isEmpty() ? "" : " ").append(p[0]).append('x').append(p[1]);
        }
        return "LLaVA-NeXT (LlavaNextProcessor): " + tileHeight + "x" + tileWidth + " tiles of " + patchSize
                + "-pixel patches, resolutions " + grid + ", feature select " + (dropsFirstFeature ? "default" : "full")
                + ", " + additionalTokens + " additional per tile, " + token + " per feature";
    }
}
