package io.chatprep.vision;

import io.chatprep.encode.RowJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-row vision rules on hand-worked cases (the goldens check them against transformers end to end). */
class VisionRulesTest {
    @Test
    void smartResizeRoundsHalvesToEvenAsPythonDoes() throws ImageException {
        // 42 / 28 = 1.5 and 70 / 28 = 2.5 both round to 2 (Math.round would give 2 and 3): 56 x 56 = min_pixels.
        assertArrayEquals(new int[] {56, 56}, SmartResize.resize(42, 70, 28, 3136, 12845056));
        // 98 / 28 = 3.5 -> 4, 154 / 28 = 5.5 -> 6
        assertArrayEquals(new int[] {112, 168}, SmartResize.resize(98, 154, 28, 3136, 12845056));
        // above max_pixels: beta = sqrt(10000 * 10000 / 12845056) = 2.790..., floor(10000 / beta / 28) = 127 -> 3556
        assertArrayEquals(new int[] {3556, 3556}, SmartResize.resize(10000, 10000, 28, 3136, 12845056));
        ImageException wide = assertThrows(ImageException.class, () -> SmartResize.resize(1, 201, 28, 3136, 12845056));
        assertTrue(wide.getMessage().contains("201.0"), wide.getMessage());
        assertArrayEquals(new int[] {812, 28}, SmartResize.resize(200, 1, 28, 3136, 12845056));
    }

    @Test
    void expansionShiftsPositionsPastPlaceholdersEndingAtOrBeforeThem() throws ImageException {
        // "a<P>b<P>c": placeholders at [1, 4) and [5, 8) in code points
        PlaceholderExpansion e = PlaceholderExpansion.expand("a<P>b<P>c", "<P>", List.of("XXXXX", "Y"));
        assertEquals("aXXXXXbYc", e.text());
        assertEquals(0, e.shift(0));
        assertEquals(1, e.shift(1)); // the placeholder's start: nothing ends at or before it
        assertEquals(3, e.shift(3)); // inside the placeholder: not moved
        assertEquals(6, e.shift(4)); // its end: moved by 5 - 3
        assertEquals(7, e.shift(5));
        assertEquals(8, e.shift(8)); // past the second: 2 - 2 = 0 in all
        assertArrayEquals(new int[] {1, 6}, e.replacement(0));
        assertArrayEquals(new int[] {7, 8}, e.replacement(1));
        // code points, not UTF-16 units
        PlaceholderExpansion emoji = PlaceholderExpansion.expand("\uD83D\uDE00<P>", "<P>", List.of("ab"));
        assertArrayEquals(new int[] {1, 3}, emoji.replacement(0));
        ImageException count = assertThrows(ImageException.class,
                () -> PlaceholderExpansion.expand("<P><P>", "<P>", List.of("x")));
        assertEquals("the rendered conversation holds 2 image placeholders (<P>) for 1 image", count.getMessage());
    }

    @Test
    void trlLayoutPutsImagesBeforeTheFirstUserTextAndFillsPlaceholders() throws Exception {
        VisionMessages.Prepared p = VisionMessages.prepare(messages("""
                [{"role": "system", "content": "s"}, {"role": "user", "content": "hi"},
                 {"role": "assistant", "content": "yo"}]"""), List.of("a.png", "b.png"));
        assertEquals(List.of("a.png", "b.png"), p.images().stream().map(VisionMessages.ImageRef::value).toList());
        Map<?, ?> user = (Map<?, ?>) p.messages().get(1);
        assertEquals("[{type=image, image=a.png}, {type=image, image=b.png}, {type=text, text=hi}]",
                user.get("content").toString());
        assertEquals("[{type=text, text=yo}]", ((Map<?, ?>) p.messages().get(2)).get("content").toString());
        ImageException mismatch = assertThrows(ImageException.class, () -> VisionMessages.prepare(messages("""
                [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": "?"}]}]"""),
                List.of("a.png", "b.png")));
        assertEquals("number of images provided (2) does not match number of image placeholders (1)",
                mismatch.getMessage());
    }

    @Test
    void imageUrlPartsBecomeImagePartsAndAmbiguousPartsAreRefused() throws Exception {
        VisionMessages.Prepared p = VisionMessages.prepare(messages("""
                [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x.jpg"}},
                                              {"type": "image", "path": "y.jpg"}]}]"""), null);
        assertEquals("[{type=image, url=x.jpg}, {type=image, path=y.jpg}]",
                ((Map<?, ?>) p.messages().get(0)).get("content").toString());
        assertEquals(List.of("x.jpg", "y.jpg"), p.images().stream().map(VisionMessages.ImageRef::value).toList());
        assertTrue(refusal("[{\"type\": \"image\", \"image\": \"a\", \"url\": \"b\"}]").contains("names its image twice"));
        assertTrue(refusal("[{\"type\": \"video\", \"video\": \"a.mp4\"}]").contains("only images are supported"));
        assertTrue(refusal("[{\"text\": \"no type\"}]").contains("has no 'type'"));
        assertTrue(refusal("[{\"type\": \"image\"}]").contains("no 'image', 'url', 'path' or 'base64'"));
    }

    @Test
    void referencesResolveAgainstTheRowsFile() throws ImageException {
        assertEquals("/data/set/img/a.png", ImageLocations.resolve("/data/set/rows.jsonl", "img/a.png"));
        assertEquals("/data/img/a.png", ImageLocations.resolve("/data/set/rows.jsonl", "../img/./a.png"));
        assertEquals("/data/set/a b.png", ImageLocations.resolve("file:/data/set/rows.jsonl", "a b.png"));
        assertEquals("/abs/a.png", ImageLocations.resolve("file:///data/rows.jsonl", "/abs/a.png"));
        assertEquals("s3a://bucket/set/img/a.png", ImageLocations.resolve("s3a://bucket/set/rows.jsonl", "img/a.png"));
        assertEquals("s3a://bucket/abs/a.png", ImageLocations.resolve("s3a://bucket/set/rows.jsonl", "/abs/a.png"));
        assertEquals("hdfs://nn:8020/x.png", ImageLocations.resolve("/data/rows.jsonl", "hdfs://nn:8020/x.png"));
        assertEquals("/x.png", ImageLocations.resolve("s3a://b/rows.jsonl", "file:/x.png"));
        ImageException noBase = assertThrows(ImageException.class, () -> ImageLocations.resolve(null, "a.png"));
        assertTrue(noBase.getMessage().contains("'a.png'"), noBase.getMessage());
    }

    @Test
    void processorConfigurationsAreReadAsTransformersReadsThem() {
        ImageProcessor qwen = processor("qwen2_5_vl");
        assertEquals("<|image_pad|>", qwen.placeholder());
        assertTrue(qwen.description().contains("patch 14, merge 2, pixels 3136-12845056"), qwen.description());
        assertTrue(processor("qwen3_vl").description().contains("patch 16, merge 2, pixels 65536-16777216"));
        ImageProcessor gemma = ImageProcessors.create(ImageProcessorFiles.fromDirectory(
                VisionFixtures.PROCESSORS.resolve("gemma3")), Map.of("boi_token", "<boi>", "image_token", "<img>",
                "eoi_token", "<eoi>"));
        assertEquals("<boi>", gemma.placeholder());
        IllegalArgumentException pan = assertThrows(IllegalArgumentException.class, () -> ImageProcessors.create(
                ImageProcessorFiles.fromDirectory(VisionFixtures.PROCESSORS.resolve("gemma3_pan_and_scan")), Map.of()));
        assertTrue(pan.getMessage().contains("'do_pan_and_scan' is true"), pan.getMessage());
        IllegalArgumentException lfm = assertThrows(IllegalArgumentException.class, () -> ImageProcessors.create(
                new ImageProcessorFiles("{\"image_processor_type\": \"Lfm2VlImageProcessor\", "
                        + "\"processor_class\": \"Lfm2VlProcessor\"}", null, "lfm"), Map.of()));
        assertEquals("lfm: Lfm2VlProcessor with Lfm2VlImageProcessor is not supported; chatprep reproduces the "
                + "image token counts of " + ImageProcessors.SUPPORTED, lfm.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ImageProcessors.create(
                new ImageProcessorFiles("{\"image_processor_type\": \"Qwen2VLImageProcessor\", \"max_pixels\": -1}",
                        null, "q"), Map.of()));
        assertEquals("q: 'max_pixels' must be a positive number, got -1", bad.getMessage());
        // transformers prefers processor_config.json's nested image_processor over preprocessor_config.json
        ImageProcessor nested = ImageProcessors.create(new ImageProcessorFiles("{\"processor_class\": \"Gemma3Processor\"}",
                "{\"processor_class\": \"Qwen2_5_VLProcessor\", \"image_processor\": {\"image_processor_type\": "
                        + "\"Qwen2VLImageProcessor\", \"max_pixels\": 1003520}}", "n"), Map.of());
        assertTrue(nested.description().contains("pixels 3136-1003520"), nested.description());
    }

    @Test
    void idefics3TilesFollowTransformersResizeSteps() throws ImageException {
        ImageProcessor idefics = processor("idefics3");
        assertEquals("<image>", idefics.placeholder());
        assertTrue(idefics.description().contains("longest edge 1456, split into 364 px tiles, 169 <image> per tile"),
                idefics.description());
        // 640 x 480 -> 1456 x int(1456 / (4 / 3)) = 1092 -> 4 x 3 tiles of 364, and the global view
        assertEquals(169 * 13, idefics.expand(new ImageHeader("JPEG", 640, 480, 1)).count());
        // EXIF orientation 6 turns it upright: 3 columns, 4 rows
        assertEquals(169 * 13, idefics.expand(new ImageHeader("JPEG", 640, 480, 6)).count());
        // 1 x 1 is scaled up to 1456 x 1456: 4 x 4 tiles
        assertEquals(169 * 17, idefics.expand(new ImageHeader("PNG", 1, 1, 1)).count());
        // 201 x 1: height int(1456 / 201) = 7, raised to even 8, then to one tile: 1 row of 4
        assertEquals(169 * 5, idefics.expand(new ImageHeader("PNG", 201, 1, 1)).count());
        assertEquals(169, processor("idefics3_no_split").expand(new ImageHeader("JPEG", 640, 480, 1)).count());

        // replace_image_token's layout, with 2 tokens per tile: 728 x 364 at longest edge 728 is 1 row of 2 tiles
        ImageTokens wide = new Idefics3ImageProcessor(728, 364, true, 2).expand(new ImageHeader("PNG", 728, 364, 1));
        String global = "<fake_token_around_image><global-img><image><image><fake_token_around_image>";
        assertEquals("<fake_token_around_image><row_1_col_1><image><image>"
                + "<fake_token_around_image><row_1_col_2><image><image>\n\n" + global, wide.replacement());
        assertEquals(6, wide.count());
        // 300 x 200 at longest edge 364: 364 x 242, one tile, so the global view alone
        assertEquals(global, new Idefics3ImageProcessor(364, 364, true, 2)
                .expand(new ImageHeader("PNG", 300, 200, 1)).replacement());
    }

    @Test
    void idefics3SettingsChatprepDoesNotReproduceAreRefusedByKey() {
        assertEquals("i: 'do_resize' is false: not supported (Idefics3 then tiles images at their stored size)",
                idefics3Refusal("\"do_resize\": false"));
        assertTrue(idefics3Refusal("\"size\": {\"height\": 364, \"width\": 364}")
                .startsWith("i: 'size' must hold 'longest_edge'"));
        assertEquals("i: 'max_image_size.longest_edge' must be a positive whole number, got 0",
                idefics3Refusal("\"max_image_size\": {\"longest_edge\": 0}"));
        assertEquals("i: 'do_image_splitting' must be true or false, got \"yes\"",
                idefics3Refusal("\"do_image_splitting\": \"yes\""));
        // SmolVLM shares the image processor but not the processor's prompt: still refused
        IllegalArgumentException smol = assertThrows(IllegalArgumentException.class, () -> ImageProcessors.create(
                new ImageProcessorFiles("{\"image_processor_type\": \"Idefics3ImageProcessor\", "
                        + "\"processor_class\": \"SmolVLMProcessor\"}", null, "s"), Map.of()));
        assertTrue(smol.getMessage().startsWith("s: SmolVLMProcessor with Idefics3ImageProcessor is not supported"));
    }

    private static String idefics3Refusal(String setting) {
        return assertThrows(IllegalArgumentException.class, () -> ImageProcessors.create(new ImageProcessorFiles(
                "{\"image_processor_type\": \"Idefics3ImageProcessor\", " + setting + "}", null, "i"), Map.of()))
                .getMessage();
    }

    @Test
    void llavaNextCountsTheUnpaddedTilesTheirNewlinesAndTheBaseImage() throws ImageException {
        ImageProcessor llava = processor("llava_next");
        assertEquals("<image>", llava.placeholder());
        // 640x480: 672x672 keeps all 307,200 pixels (the others keep at most 448x336), so 2x2 tiles of 24x24 patches;
        // the image fills round(480 * 48 / 640) = 36 of the 48 rows: 36 * 48 + 36 newlines + 24 * 24 + 1 CLS - 1
        assertEquals(2340, llava.expand(new ImageHeader("PNG", 640, 480, 1)).count());
        // EXIF orientation 6 stands it upright: 36 of 48 columns, 48 rows: 36 * 48 + 48 + 576
        ImageTokens upright = llava.expand(new ImageHeader("PNG", 640, 480, 6));
        assertEquals(2352, upright.count());
        assertEquals("<image>".repeat(2352), upright.replacement());
        // "full" keeps the CLS feature
        assertEquals(2341, llava(", \"vision_feature_select_strategy\": \"full\"", "")
                .expand(new ImageHeader("PNG", 640, 480, 1)).count());
    }

    @Test
    void llavaNextSettingsItDoesNotReproduceAreRefusedByName() {
        assertEquals("l: 'do_center_crop' is false: not supported (LLaVA-NeXT's token count is reproduced for "
                + "crop_size tiles)", refused("", ", \"do_center_crop\": false"));
        assertEquals("l: 'image_grid_pinpoints': [336,500] is not a whole number of 336x336 tiles (crop_size); not "
                + "supported", refused("", ", \"image_grid_pinpoints\": [[336, 500]]"));
        assertEquals("l: 'vision_feature_select_strategy' must be \"default\" or \"full\", got \"cls\"",
                refused(", \"vision_feature_select_strategy\": \"cls\"", ""));
        IllegalArgumentException noPatch = assertThrows(IllegalArgumentException.class, () -> ImageProcessors.create(
                new ImageProcessorFiles("{\"image_processor_type\": \"LlavaNextImageProcessor\", "
                        + "\"processor_class\": \"LlavaNextProcessor\"}", null, "l"), Map.of()));
        assertEquals("l: LlavaNextProcessor needs 'patch_size' in processor_config.json (the vision tower's patch, "
                + "14 for CLIP ViT-L/14)", noPatch.getMessage());
    }

    /** The llava_next fixture's count settings plus JSON members (a repeated key overrides, as Jackson reads it). */
    private static ImageProcessor llava(String processorExtra, String imageExtra) {
        return ImageProcessors.create(new ImageProcessorFiles("{\"image_processor_type\": \"LlavaNextImageProcessor\", "
                + "\"crop_size\": {\"height\": 336, \"width\": 336}" + imageExtra + "}",
                "{\"processor_class\": \"LlavaNextProcessor\", \"patch_size\": 14, \"num_additional_image_tokens\": 1, "
                        + "\"vision_feature_select_strategy\": \"default\"" + processorExtra + "}", "l"), Map.of());
    }

    private static String refused(String processorExtra, String imageExtra) {
        return assertThrows(IllegalArgumentException.class, () -> llava(processorExtra, imageExtra)).getMessage();
    }

    private static ImageProcessor processor(String config) {
        return ImageProcessors.create(ImageProcessorFiles.fromDirectory(VisionFixtures.PROCESSORS.resolve(config)),
                Map.of());
    }

    private static String refusal(String content) {
        return assertThrows(ImageException.class, () -> VisionMessages.prepare(
                messages("[{\"role\": \"user\", \"content\": " + content + "}]"), null)).getMessage();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> messages(String json) throws IOException {
        return (List<Object>) RowJson.parse(json);
    }

}
