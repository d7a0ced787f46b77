package io.chatprep.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link ImageProcessor} a configuration describes, with transformers' precedence: the image processor's
 * settings from {@code processor_config.json}'s {@code image_processor} object, else {@code preprocessor_config.json};
 * the processor class from {@code processor_config.json}, else the image processor's settings. Families whose token
 * counts are reproduced exactly: Qwen2-VL / Qwen2.5-VL / Qwen3-VL, Gemma 3 without pan-and-scan, Idefics3 with
 * resizing on (its tiles with or without image splitting) and LLaVA-NeXT with center-cropped tiles; any other
 * configuration is refused with that list. Errors are {@link IllegalArgumentException}s naming the file and key.
 */
public final class ImageProcessors {
    public static final String SUPPORTED = "Qwen2-VL, Qwen2.5-VL and Qwen3-VL (Qwen2VLImageProcessor), Gemma 3 "
            + "(Gemma3ImageProcessor, without pan-and-scan), Idefics3 (Idefics3ImageProcessor, with do_resize)"
            + " and LLaVA-NeXT (LlavaNextImageProcessor, center-cropped tiles)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> QWEN_PROCESSORS = Map.of(
            "Qwen2VLProcessor", "Qwen2-VL", "Qwen2_5_VLProcessor", "Qwen2.5-VL", "Qwen3VLProcessor", "Qwen3-VL");
    private static final Set<String> GEMMA_PROCESSORS = Set.of("Gemma3Processor");
    private static final Set<String> IDEFICS3_PROCESSORS = Set.of("Idefics3Processor");
    private static final Set<String> LLAVA_NEXT_PROCESSORS = Set.of("LlavaNextProcessor");
    /** smart_resize's bounds when a configuration sets neither {@code size} nor min/max pixels. */
    private static final long DEFAULT_MIN_PIXELS = 56 * 56;
    private static final long DEFAULT_MAX_PIXELS = 28 * 28 * 1280;

    private ImageProcessors() {
    }

    /**
     * @param specialTokens the tokenizer's named special tokens ({@code image_token}, {@code boi_token}, ...), which
     *                      the processors read from the tokenizer
     */
    public static ImageProcessor create(ImageProcessorFiles files, Map<String, String> specialTokens) {
        JsonNode processor = parse(files.processorConfig(), files, ImageProcessorFiles.PROCESSOR_CONFIG);
        JsonNode image = processor != null && processor.path("image_processor").isObject()
                ? processor.get("image_processor")
                : parse(files.preprocessorConfig(), files, ImageProcessorFiles.PREPROCESSOR_CONFIG);
        if (image == null) {
            throw new IllegalArgumentException(files.origin() + ": no image processor settings ("
                    + ImageProcessorFiles.PREPROCESSOR_CONFIG + ")");
        }
        String imageType = text(image, "image_processor_type");
        String processorClass = processor != null && processor.hasNonNull("processor_class")
                ? text(processor, "processor_class") : text(image, "processor_class");
        boolean qwenImages = imageType != null && imageType.startsWith("Qwen2VLImageProcessor");
        boolean gemmaImages = imageType != null && imageType.startsWith("Gemma3ImageProcessor");
        boolean idefics3Images = imageType != null && imageType.startsWith("Idefics3ImageProcessor");
        String what = describe(processorClass, imageType);
        if (processorClass != null ? QWEN_PROCESSORS.containsKey(processorClass) && (imageType == null || qwenImages)
                : qwenImages) {
            return qwen(image, processorClass, files, specialTokens);
        }
        if (processorClass != null ? GEMMA_PROCESSORS.contains(processorClass) && (imageType == null || gemmaImages)
                : gemmaImages) {
            return gemma3(image, processor, files, specialTokens);
        }
        if (processorClass != null ? IDEFICS3_PROCESSORS.contains(processorClass)
                && (imageType == null || idefics3Images) : idefics3Images) {
            return Idefics3Settings.processor(image, processor, files);
        }
        boolean llavaNextImages = imageType != null && imageType.startsWith("LlavaNextImageProcessor");
        if (processorClass != null
                ? LLAVA_NEXT_PROCESSORS.contains(processorClass) && (imageType == null || llavaNextImages)
                : llavaNextImages) {
            return LlavaNextImageProcessor.from(image, processor, files, specialTokens);
        }
        throw new IllegalArgumentException(files.origin() + ": " + what + " is not supported; chatprep reproduces the "
                + "image token counts of " + SUPPORTED);
    }

    private static ImageProcessor qwen(JsonNode image, String processorClass, ImageProcessorFiles files,
                                       Map<String, String> specialTokens) {
        refuseFalse(image, "do_resize", files, "without resizing the processor cannot patch arbitrary sizes");
        double shortest = DEFAULT_MIN_PIXELS;
        double longest = DEFAULT_MAX_PIXELS;
        JsonNode size = image.get("size");
        if (size != null && !size.isNull()) {
            if (!size.isObject() || !size.path("shortest_edge").isNumber() || !size.path("longest_edge").isNumber()) {
                throw new IllegalArgumentException(key(files, "size") + " must hold 'shortest_edge' and 'longest_edge' "
                        + "(pixel counts), got " + size);
            }
            shortest = size.get("shortest_edge").asDouble();
            longest = size.get("longest_edge").asDouble();
        }
        if (image.hasNonNull("min_pixels")) {
            shortest = positive(image, "min_pixels", files);
        }
        if (image.hasNonNull("max_pixels")) {
            longest = positive(image, "max_pixels", files);
        }
        int patch = image.hasNonNull("patch_size") ? (int) positive(image, "patch_size", files) : 14;
        int merge = image.hasNonNull("merge_size") ? (int) positive(image, "merge_size", files) : 2;
        String token = specialTokens.getOrDefault("image_token", "<|image_pad|>");
        String name = QWEN_PROCESSORS.getOrDefault(processorClass, "Qwen2-VL family")
                + " (" + (processorClass != null ? processorClass : text(image, "image_processor_type")) + ")";
        return new QwenImageProcessor(name, token, patch, merge, shortest, longest);
    }

    private static ImageProcessor gemma3(JsonNode image, JsonNode processor, ImageProcessorFiles files,
                                         Map<String, String> specialTokens) {
        if (image.path("do_pan_and_scan").asBoolean(false)) {
            throw new IllegalArgumentException(key(files, "do_pan_and_scan") + " is true: pan-and-scan crops are not "
                    + "supported (transformers' Gemma3Processor also turns them off unless asked at call time); set it "
                    + "to false or null");
        }
        int length = processor != null && processor.hasNonNull("image_seq_length")
                ? (int) positive(processor, "image_seq_length", files) : 256;
        String boi = required(specialTokens, "boi_token");
        String imageToken = required(specialTokens, "image_token");
        String eoi = required(specialTokens, "eoi_token");
        return new Gemma3ImageProcessor(boi, imageToken, eoi, length);
    }

    private static String required(Map<String, String> specialTokens, String name) {
        String token = specialTokens.get(name);
        if (token == null) {
            throw new IllegalArgumentException("the tokenizer names no " + name + " (Gemma3Processor reads it from "
                    + "tokenizer_config.json's extra_special_tokens)");
        }
        return token;
    }

    static void refuseFalse(JsonNode config, String name, ImageProcessorFiles files, String why) {
        JsonNode v = config.get(name);
        if (v != null && v.isBoolean() && !v.asBoolean()) {
            throw new IllegalArgumentException(key(files, name) + " is false: not supported (" + why + ")");
        }
    }

    static double positive(JsonNode config, String name, ImageProcessorFiles files) {
        JsonNode v = config.get(name);
        if (!v.isNumber() || v.asDouble() <= 0) {
            throw new IllegalArgumentException(key(files, name) + " must be a positive number, got " + v);
        }
        return v.asDouble();
    }

    static String key(ImageProcessorFiles files, String name) {
        return files.origin() + ": '" + name + "'";
    }

    private static String describe(String processorClass, String imageType) {
        if (processorClass == null && imageType == null) {
            return "a configuration naming neither processor_class nor image_processor_type";
        }
        return processorClass == null ? imageType
                : imageType == null ? processorClass : processorClass + " with " + imageType;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode parse(String text, ImageProcessorFiles files, String name) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(files.origin() + "/" + name + ": expected a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(files.origin() + "/" + name + ": not valid JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }
}
