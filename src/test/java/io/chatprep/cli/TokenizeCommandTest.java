package io.chatprep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.tokenize.TokenGoldens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands end to end on the varied conversations, against the Python goldens. */
class TokenizeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VARIED = TokenGoldens.RESOURCES.resolve("conversations/varied.jsonl");

    @Test
    void tokenizeWritesOneLinePerRowEqualToTransformers(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.jsonl");
        int code = Main.run(new String[] {"tokenize", "--tokenizer", TokenGoldens.tokenizerDir("qwen3").toString(),
                "--input", VARIED.toString(), "--output", out.toString(),
                "--chat-template", "templates/qwen3_training.jinja", "--now", "2025-06-01T12:00:00"});
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        List<JsonNode> goldens = TokenGoldens.rows("qwen3");
        int varied = (int) Files.readAllLines(VARIED).stream().filter(l -> !l.isBlank()).count();
        assertEquals(varied, lines.size());
        int encoded = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode got = JSON.readTree(lines.get(i));
            JsonNode want = goldens.get(i);
            String name = want.get("name").asText();
            if (got.has("error")) {
                assertTrue(want.has("error") || !want.get("assistant_masks").toString().contains("1"),
                        name + ": " + got.get("error").asText());
                continue;
            }
            assertEquals(want.get("input_ids"), got.get("input_ids"), name);
            assertEquals(want.get("assistant_masks"), got.get("assistant_masks"), name);
            assertEquals(want.get("labels"), got.get("labels"), name);
            encoded++;
        }
        assertTrue(encoded >= varied - 4, "encoded " + encoded + " of " + varied);
    }

    /**
     * Lines that are not UTF-8 and lines whose rendered text holds a lone surrogate each get an error line, where
     * Python's decoding and transformers' tokenizer fail; the others equal transformers.
     */
    @Test
    void byteLevelProblemsGetErrorLinesAndTheOtherLinesEqualTransformers(@TempDir Path dir) throws IOException {
        Path input = io.chatprep.job.input.InputGoldens.FIXTURES.resolve("bytes.jsonl");
        Path out = dir.resolve("bytes-out.jsonl");
        int code = Main.run(new String[] {"tokenize", "--tokenizer", TokenGoldens.tokenizerDir("qwen3").toString(),
                "--input", input.toString(), "--output", out.toString(),
                "--chat-template", "templates/qwen3_training.jinja"});
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        var golden = List.copyOf(io.chatprep.job.input.InputGoldens.of("bytes").values());
        assertEquals(golden.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode got = JSON.readTree(lines.get(i));
            var want = golden.get(i);
            String where = "line at byte " + want.get("key");
            if ("written".equals(want.get("expect"))) {
                assertArrayEquals(io.chatprep.job.input.InputGoldens.ints(want.get("input_ids")),
                        JSON.treeToValue(got.get("input_ids"), int[].class), where);
                assertArrayEquals(io.chatprep.job.input.InputGoldens.ints(want.get("labels")),
                        JSON.treeToValue(got.get("labels"), int[].class), where);
            } else if ("parse".equals(want.get("stage"))) {
                long bad = (Long) want.get("bad_byte");
                assertTrue(got.get("error").asText().startsWith(String.format("parse: not UTF-8: byte 0x%02X at byte %d "
                        + "of the line (byte %d of the file)", (Long) want.get("byte_value"), bad,
                        (Long) want.get("key") + bad)), where + ": " + got);
            } else {
                assertEquals("tokenize", want.get("stage"));
                assertTrue(got.get("error").asText().startsWith("tokenize: the rendered text holds a lone surrogate U+D"),
                        where + ": " + got);
            }
        }
    }

    @Test
    void inspectMarksTrainedTokensAndWritesHtml(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("view.html");
        String shown = inspect(VARIED, "--rows", "0", "--html", html.toString());
        assertTrue(shown.startsWith("== row 0: "), shown);
        assertTrue(shown.contains("<|im_start|>assistant\n[[<think>\n\n</think>\n\n"), shown);
        assertTrue(shown.contains("<|im_end|>\n]]"), shown);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<span class=\"t\""), "trained tokens marked in the page");
    }

    @Test
    void inspectShowsALineThatIsNotUtf8AsRejectedAndGoesOn() {
        String shown = inspect(io.chatprep.job.input.InputGoldens.FIXTURES.resolve("bytes.jsonl"), "--rows", "1,2");
        // Row 1 is a real row saved as Latin-1; row 2 the same kind of row in UTF-8.
        assertTrue(shown.startsWith("== row 1: rejected (parse): not UTF-8: byte 0x"), shown);
        assertTrue(shown.contains("\n== row 2: "), shown);
        assertTrue(shown.contains("<|im_start|>assistant\n[["), shown);
    }

    /** What {@code inspect --plain} prints for the Qwen3 tokenizer and training template; it must exit 0. */
    private static String inspect(Path input, String... options) {
        String[] args = {"inspect", "--tokenizer", TokenGoldens.tokenizerDir("qwen3").toString(), "--input",
                input.toString(), "--plain", "--chat-template", "templates/qwen3_training.jinja"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(options))
                .toArray(String[]::new);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(all));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, Main.run(new String[] {"tokenize", "--tokenizer", "x", "--input", "missing.jsonl", "--output", "o"}));
        assertEquals(2, Main.run(new String[] {"tokenize", "--bogus", "1"}));
        assertEquals(2, Main.run(new String[] {"inspect", "--tokenizer", "x", "--input", VARIED.toString(),
                "--mask", "everything"}));
    }
}
