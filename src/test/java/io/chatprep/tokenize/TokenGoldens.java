package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The test tokenizers and the Python reference's token goldens (scripts/reference/make_token_goldens.py). */
public final class TokenGoldens {
    public static final Path RESOURCES = Path.of("src", "test", "resources");
    public static final Path TOKENIZERS = RESOURCES.resolve("tokenizers");
    public static final Path GOLDEN = RESOURCES.resolve("golden").resolve("tokens");
    public static final List<String> ALL = List.of("qwen3", "llama3_1", "gemma3", "gptoss", "deepseek_v3", "llama2", "yi");
    /** What the goldens pinned {@code strftime_now} to. */
    public static final java.time.LocalDateTime FIXED_NOW = java.time.LocalDateTime.of(2025, 6, 1, 12, 0, 0);

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenGoldens() {
    }

    public static Path tokenizerDir(String name) {
        return TOKENIZERS.resolve(name);
    }

    /** Rows of {@code golden/tokens/<file>.jsonl.gz}. */
    public static List<JsonNode> rows(String file) {
        Path path = GOLDEN.resolve(file + ".jsonl.gz");
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden " + path, e);
        }
        return rows;
    }

    public static JsonNode row(String file, String name) {
        return rows(file).stream().filter(r -> r.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden row " + name + " in " + file));
    }

    public static JsonNode json(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    public static byte[] bytes(JsonNode array) {
        byte[] out = new byte[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) array.get(i).asInt();
        }
        return out;
    }

    public static int[][] spans(JsonNode array) {
        int[][] out = new int[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[] {array.get(i).get(0).asInt(), array.get(i).get(1).asInt()};
        }
        return out;
    }
}
