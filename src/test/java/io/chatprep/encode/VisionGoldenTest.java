package io.chatprep.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.vision.ImageProcessorFiles;
import io.chatprep.vision.VisionFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Image rows against transformers' processors (make_vision_goldens.py): ids, masks, image grids and image
 * locations of every golden row, for Qwen2.5-VL (two pixel budgets) with the Qwen2.5 tokenizer, Qwen3-VL with the
 * Qwen3 tokenizer, Gemma 3 with the Gemma 3 tokenizer, Idefics3 (split into tiles and not) with Llama 3.1's
 * tokenizer plus Idefics3's added tokens, and LLaVA-NeXT with tokenizers/llava_next; rows the reference fails are
 * rejected at stage image (at stage render where the reference's template fails).
 * Two deliberate differences: image tokens are never trained, where transformers' mask covers the image tokens of
 * an image inside an assistant turn; and a row whose template renders no placeholder for one of its images (the
 * Qwen3-VL template drops images from assistant turns) is rejected, where transformers processes the image and
 * leaves it out of the text, a row the model cannot be trained on.
 */
class VisionGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void layout() throws IOException {
        VisionFixtures.layout(dir);
    }

    @ParameterizedTest
    @CsvSource({"qwen2_5_vl, qwen2_5_vl, qwen2_5, qwen2_5_vl, 151655",
            "qwen2_5_vl_1280, qwen2_5_vl_1280, qwen2_5, qwen2_5_vl, 151655",
            "qwen3_vl, qwen3_vl, qwen3, qwen3_vl, 151655",
            "gemma3, gemma3, gemma3, gemma3, 262144",
            "gemma3_no_bos, gemma3, gemma3, gemma3, 262144",
            "idefics3, idefics3, idefics3, idefics3, 128257",
            "idefics3_no_split, idefics3_no_split, idefics3, idefics3, 128257",
            "llava_next, llava_next, llava_next, llava_next, 32000"})
    void everyGoldenRowMatchesTheProcessor(String config, String processor, String tokenizer, String family,
                                           int imageToken) throws IOException {
        String template = Files.readString(Path.of("templates", family + "_training.jinja"));
        if (config.endsWith("_no_bos")) {
            // as the golden script: the processor adds the tokenizer's <bos> to a text not starting with it
            template = template.replaceFirst("\\{\\{ bos_token }}\n", "");
        }
        EncoderSpec spec = new EncoderSpec(template,
                TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(tokenizer)),
                new EncoderOptions(MaskPolicy.ASSISTANT, TokenGoldens.FIXED_NOW, Map.of()),
                ImageProcessorFiles.fromDirectory(VisionFixtures.PROCESSORS.resolve(processor)));
        Path rowsFile = dir.resolve("rows.jsonl");
        List<String> lines = Files.readAllLines(rowsFile).stream().filter(l -> !l.isBlank()).toList();
        List<JsonNode> goldens = VisionFixtures.goldens(config);
        assertEquals(lines.size(), goldens.size());
        List<String> wrong = new ArrayList<>();
        int rejected = 0;
        int imageTokensInSpans = 0;
        int leftOut = 0;
        try (ConversationEncoder encoder = ConversationEncoder.open(spec)) {
            for (int i = 0; i < lines.size(); i++) {
                JsonNode golden = goldens.get(i);
                String name = golden.get("name").asText();
                try {
                    EncodedRow row = encoder.encode(RowJson.parseRow(lines.get(i)), rowsFile.toString());
                    if (golden.has("error")) {
                        wrong.add(name + ": the reference fails (" + golden.get("error").asText() + "), chatprep encoded it");
                        continue;
                    }
                    int[] ids = ints(golden.get("input_ids"));
                    int[] mask = ints(golden.get("assistant_masks"));
                    if (!Arrays.equals(ids, row.inputIds())) {
                        wrong.add(name + ": input_ids differ (" + ids.length + " vs " + row.numTokens() + " tokens)");
                        continue;
                    }
                    for (int t = 0; t < ids.length; t++) {
                        int expected = ids[t] == imageToken ? 0 : mask[t];
                        imageTokensInSpans += ids[t] == imageToken && mask[t] == 1 ? 1 : 0;
                        if (row.assistantMask()[t] != expected) {
                            wrong.add(name + ": mask differs at token " + t);
                            break;
                        }
                    }
                    List<String> locations = new ArrayList<>();
                    for (JsonNode ref : golden.get("images")) {
                        locations.add(dir.resolve(ref.asText()).normalize().toString());
                    }
                    if (!locations.equals(row.images().locations())) {
                        wrong.add(name + ": images " + row.images().locations() + " vs " + locations);
                    }
                    String grids = golden.has("image_grid_thw") ? golden.get("image_grid_thw").toString() : "null";
                    String ours = row.images().grids() == null || row.images().count() == 0 ? "null"
                            : JSON.writeValueAsString(row.images().grids());
                    if (!grids.equals(ours)) {
                        wrong.add(name + ": image_grid_thw " + ours + " vs " + grids);
                    }
                } catch (RowRejectedException e) {
                    if (!golden.has("error") && imagesLeftOut(golden, imageToken)
                            && e.reason().contains("image placeholders (")) {
                        leftOut++;
                    } else if (!golden.has("error")) {
                        wrong.add(name + ": rejected (" + e.stage() + ": " + e.reason() + ")");
                    } else if (golden.get("error").asText().startsWith("UndefinedError")) {
                        // the template itself fails (LLaVA-NeXT's reads content[0]['text'] of a plain-string content)
                        if (!e.stage().equals("render")) {
                            wrong.add(name + ": rejected at stage " + e.stage() + ", expected render: " + e.reason());
                        }
                    } else if (!e.stage().equals("image")) {
                        wrong.add(name + ": rejected at stage " + e.stage() + ", expected image: " + e.reason());
                    } else {
                        rejected++;
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(rejected >= 4, "rows rejected as the reference fails them: " + rejected);
        // The row with an image in an assistant turn: transformers trains its image tokens, chatprep does not; or the
        // template renders no placeholder for it and chatprep rejects the row.
        assertTrue(imageTokensInSpans > 0 || leftOut == 1, imageTokensInSpans + " image tokens in spans, " + leftOut
                + " rows with an image left out of the text");
    }

    /**
     * Whether transformers' output holds fewer runs of image tokens than the row has images (an image left out): each
     * image's tokens are one run, set apart from the next image's by the family's start or end token or a newline.
     */
    private static boolean imagesLeftOut(JsonNode golden, int imageToken) {
        int runs = 0;
        int previous = -1;
        for (JsonNode id : golden.get("input_ids")) {
            runs += id.asInt() == imageToken && previous != imageToken ? 1 : 0;
            previous = id.asInt();
        }
        return runs < golden.get("images").size();
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
