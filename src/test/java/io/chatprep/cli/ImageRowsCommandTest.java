package io.chatprep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.vision.VisionFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --image-processor} on tokenize and inspect, against the vision goldens (make_vision_goldens.py). */
class ImageRowsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROWS = List.of("multi_image_multi_turn", "trl_images_column");

    @ParameterizedTest
    @CsvSource({"qwen2_5_vl, qwen2_5, qwen2_5_vl, 151655", "gemma3, gemma3, gemma3, 262144",
            "idefics3, idefics3, idefics3, 128257",
            "llava_next, llava_next, llava_next, 32000"})
    void tokenizeGivesTheProcessorsIdsMasksImagesAndGridsForEveryGoldenRow(String config, String tokenizer,
                                                                          String family, int imageToken,
                                                                          @TempDir Path dir) throws IOException {
        VisionFixtures.layout(dir);
        Path input = dir.resolve("rows.jsonl");
        Path out = dir.resolve("out.jsonl");
        int code = Main.run(new String[] {"tokenize", "--tokenizer", TokenGoldens.tokenizerDir(tokenizer).toString(),
                "--chat-template", "templates/" + family + "_training.jinja", "--input", input.toString(),
                "--output", out.toString(), "--image-processor", VisionFixtures.PROCESSORS.resolve(config).toString()});
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        List<JsonNode> goldens = VisionFixtures.goldens(config);
        assertEquals(goldens.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode want = goldens.get(i);
            JsonNode got = JSON.readTree(lines.get(i));
            String name = want.get("name").asText();
            if (want.has("error")) {
                // LLaVA-NeXT's template itself fails on plain-string content, in transformers as in chatprep
                String stage = want.get("error").asText().startsWith("UndefinedError") ? "render: " : "image: ";
                assertTrue(got.get("error").asText().startsWith(stage), name + ": " + got);
                continue;
            }
            if (config.equals("llava_next") && name.equals("image_in_assistant_turn")) {
                // the template renders no <image> for an assistant turn's image: transformers leaves the image out of
                // the text (a row the model fails on), chatprep rejects the row
                assertEquals("image: the rendered conversation holds 0 image placeholders (<image>) for 1 image",
                        got.path("error").asText(), name);
                continue;
            }
            assertEquals(want.get("input_ids"), got.get("input_ids"), name);
            for (int t = 0; t < want.get("input_ids").size(); t++) {
                // image tokens are never trained; everything else is transformers' mask
                int mask = want.get("input_ids").get(t).asInt() == imageToken ? 0 : want.get("assistant_masks").get(t).asInt();
                assertEquals(mask, got.get("assistant_masks").get(t).asInt(), name + " token " + t);
            }
            if (want.has("image_grid_thw")) {
                assertEquals(want.get("image_grid_thw"), got.get("image_grid_thw"), name);
            }
            for (int k = 0; k < want.get("images").size(); k++) {
                // relative references resolve against the input file's directory
                assertEquals(dir.resolve(want.get("images").get(k).asText()).normalize().toString(),
                        got.get("images").get(k).asText(), name);
            }
        }
        String missing = JSON.readTree(lines.get(names(goldens).indexOf("error_missing_file"))).get("error").asText();
        assertEquals("image: image 'images/no_such_file.png' not found (at " + dir.resolve("images/no_such_file.png")
                + ")", missing);
    }

    private static List<String> names(List<JsonNode> goldens) {
        return goldens.stream().map(g -> g.get("name").asText()).toList();
    }

    @Test
    void inspectShowsRunsOfImageTokensOnce(@TempDir Path dir) throws IOException {
        Path input = rows(dir);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(new String[] {"inspect", "--tokenizer", TokenGoldens.tokenizerDir("gemma3").toString(),
                    "--input", input.toString(), "--rows", "1", "--plain",
                    "--image-processor", VisionFixtures.PROCESSORS.resolve("gemma3").toString()});
        } finally {
            System.setOut(original);
        }
        assertEquals(0, code);
        String shown = captured.toString(StandardCharsets.UTF_8);
        // 256 soft tokens per image (Gemma 3's image_seq_length), shown once each
        assertTrue(shown.contains("<start_of_image><image_soft_token>\u00d7256<end_of_image>"), shown);
        assertTrue(shown.contains(", 2 images"), shown);
        assertTrue(shown.contains("<start_of_turn>model\n[[The second one.<end_of_turn>\n]]"), shown);
    }

    @Test
    void autoNeedsAProcessorConfigurationBesideTheTokenizer(@TempDir Path dir) throws IOException {
        Path input = rows(dir);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        int panAndScan;
        try {
            code = Main.run(new String[] {"tokenize", "--tokenizer", TokenGoldens.tokenizerDir("gemma3").toString(),
                    "--input", input.toString(), "--output", dir.resolve("o.jsonl").toString(),
                    "--image-processor", "auto"});
            panAndScan = Main.run(new String[] {"tokenize", "--tokenizer", TokenGoldens.tokenizerDir("gemma3").toString(),
                    "--input", input.toString(), "--output", dir.resolve("o.jsonl").toString(),
                    "--image-processor", VisionFixtures.PROCESSORS.resolve("gemma3_pan_and_scan").toString()});
        } finally {
            System.setErr(original);
        }
        assertEquals(2, code);
        assertEquals(2, panAndScan);
        String messages = err.toString(StandardCharsets.UTF_8);
        assertTrue(messages.contains("--image-processor auto: the tokenizer directory "
                + TokenGoldens.tokenizerDir("gemma3") + " holds no preprocessor_config.json"), messages);
        assertTrue(messages.contains("'do_pan_and_scan' is true: pan-and-scan crops are not supported"), messages);
    }

    /** The chosen golden rows in a file beside a copy of the golden images. */
    private static Path rows(Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        try (var files = Files.list(VisionFixtures.GOLDEN.resolve("images"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, images.resolve(f.getFileName().toString()));
            }
        }
        StringBuilder picked = new StringBuilder();
        for (String name : ROWS) {
            for (String line : Files.readAllLines(VisionFixtures.GOLDEN.resolve("rows.jsonl"))) {
                if (!line.isBlank() && JSON.readTree(line).get("name").asText().equals(name)) {
                    picked.append(line).append('\n');
                }
            }
        }
        Path input = dir.resolve("rows.jsonl");
        Files.writeString(input, picked);
        return input;
    }
}
