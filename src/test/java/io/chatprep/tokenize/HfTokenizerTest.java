package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HfTokenizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void specialTokensAreTheVariablesTransformersPasses() {
        JsonNode expected = TokenGoldens.json(TokenGoldens.GOLDEN.resolve("special_tokens.json"));
        for (String name : TokenGoldens.ALL) {
            TokenizerConfig config = TokenizerConfig.of(TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name)));
            Map<String, String> want = new LinkedHashMap<>();
            expected.get(name).fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asText()));
            assertEquals(want, config.specialTokens(), name);
            assertEquals(new ArrayList<>(want.keySet()), new ArrayList<>(config.specialTokens().keySet()),
                    name + ": order");
        }
    }

    @Test
    void ownChatTemplateFromTheConfig() throws IOException {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("llama3_1"));
        Map<String, String> templates = TokenizerConfig.of(files).chatTemplates();
        assertEquals(List.of("default"), new ArrayList<>(templates.keySet()));
        assertTrue(templates.get("default").contains("<|start_header_id|>"));
        assertTrue(TokenizerConfig.of(TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("gptoss")))
                .chatTemplates().isEmpty());
    }

    @Test
    void namedChatTemplatesAndTheJinjaFileWins(@TempDir Path dir) throws IOException {
        writeMinimalTokenizer(dir);
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": ["
                + "{\"name\": \"default\", \"template\": \"A\"}, {\"name\": \"tool_use\", \"template\": \"B\"}]}");
        Map<String, String> named = TokenizerConfig.of(TokenizerFiles.fromDirectory(dir)).chatTemplates();
        assertEquals(Map.of("default", "A", "tool_use", "B"), named);

        Files.writeString(dir.resolve("chat_template.jinja"), "C");
        assertEquals(Map.of("default", "C"), TokenizerConfig.of(TokenizerFiles.fromDirectory(dir)).chatTemplates());
    }

    @Test
    void addedTokenObjectsAndLegacySpecialTokensMap(@TempDir Path dir) throws IOException {
        writeMinimalTokenizer(dir);
        Files.writeString(dir.resolve("tokenizer_config.json"),
                "{\"bos_token\": {\"__type\": \"AddedToken\", \"content\": \"<s>\"}, \"eos_token\": \"</s>\", \"unk_token\": null}");
        Files.writeString(dir.resolve("special_tokens_map.json"), "{\"eos_token\": {\"content\": \"<eos>\"}, \"pad_token\": \"<pad>\"}");
        Map<String, String> tokens = TokenizerConfig.of(TokenizerFiles.fromDirectory(dir)).specialTokens();
        assertEquals(Map.of("bos_token", "<s>", "eos_token", "<eos>", "pad_token", "<pad>"), tokens);
    }

    @Test
    void noSpecialTokensPaddingOrTruncation(@TempDir Path dir) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("llama2")).tokenizerJson());
        json.set("truncation", JSON.readTree("{\"direction\": \"Right\", \"max_length\": 4, \"strategy\": \"LongestFirst\", \"stride\": 0}"));
        json.set("padding", JSON.readTree("{\"strategy\": {\"Fixed\": 64}, \"direction\": \"Right\", \"pad_to_multiple_of\": null,"
                + " \"pad_id\": 0, \"pad_type_id\": 0, \"pad_token\": \"<unk>\"}"));
        Files.write(dir.resolve("tokenizer.json"), JSON.writeValueAsBytes(json));
        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            int[] ids = tokenizer.encode("The quick brown fox jumps over the lazy dog").ids();
            assertTrue(ids.length > 4 && ids.length < 64, "length " + ids.length);
            assertNotEquals(1, ids[0], "no <s> added");
        }
    }

    @Test
    void offsetsAreCodePoints() {
        try (HfTokenizer tokenizer = HfTokenizer.load(TokenGoldens.tokenizerDir("qwen3"))) {
            Encoding encoding = tokenizer.encode("\uD83E\uDDA9 hi");
            int[] offsets = encoding.offsets();
            assertEquals(4, offsets[offsets.length - 1], "3 code points + 1, not 5 UTF-16 units");
            assertEquals(encoding.ids().length * 2, offsets.length);
            assertArrayEquals(encoding.ids(), tokenizer.encodeIds("\uD83E\uDDA9 hi"));
        }
    }

    @Test
    void concurrentEncodesAgreeWithSerialOnes() throws Exception {
        List<String> texts = new ArrayList<>();
        for (JsonNode row : TokenGoldens.rows("qwen3")) {
            if (row.has("text")) {
                texts.add(row.get("text").asText());
            }
        }
        try (HfTokenizer tokenizer = HfTokenizer.load(TokenGoldens.tokenizerDir("qwen3"))) {
            List<int[]> serial = new ArrayList<>();
            for (String t : texts) {
                serial.add(tokenizer.encode(t).ids());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<int[]>> parallel = new ArrayList<>();
                for (String t : texts) {
                    parallel.add(pool.submit(() -> tokenizer.encode(t).ids()));
                }
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(serial.get(i), parallel.get(i).get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void missingDirectoryOrFileIsNamed(@TempDir Path dir) {
        TokenizerLoadException missing = assertThrows(TokenizerLoadException.class,
                () -> TokenizerFiles.fromDirectory(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        TokenizerLoadException noJson = assertThrows(TokenizerLoadException.class, () -> TokenizerFiles.fromDirectory(dir));
        assertTrue(noJson.getMessage().contains("no tokenizer.json"), noJson.getMessage());
    }

    @Test
    void corruptFilesFailWithTheFileNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": 42}");
        TokenizerLoadException bad = assertThrows(TokenizerLoadException.class, () -> HfTokenizer.load(dir));
        assertTrue(bad.getMessage().contains("tokenizer.json: not a valid HuggingFace tokenizer"), bad.getMessage());

        writeMinimalTokenizer(dir);
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"bos_token\": ");
        TokenizerLoadException config = assertThrows(TokenizerLoadException.class, () -> HfTokenizer.load(dir));
        assertTrue(config.getMessage().contains("tokenizer_config.json: not valid JSON"), config.getMessage());

        Files.delete(dir.resolve("tokenizer_config.json"));
        Files.delete(dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve("tokenizer.json.gz"), "not gzip");
        TokenizerLoadException gz = assertThrows(TokenizerLoadException.class, () -> TokenizerFiles.fromDirectory(dir));
        assertTrue(gz.getMessage().contains("tokenizer.json.gz: not a valid gzip file"), gz.getMessage());
    }

    @Test
    void gzipAndPlainFilesLoadTheSameTokenizer(@TempDir Path dir) throws IOException {
        byte[] json = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("llama2")).tokenizerJson();
        Files.write(dir.resolve("tokenizer.json"), json);
        TokenizerFiles plain = TokenizerFiles.fromDirectory(dir);
        Files.delete(dir.resolve("tokenizer.json"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(json);
        }
        Files.write(dir.resolve("tokenizer.json.gz"), gz.toByteArray());
        TokenizerFiles compressed = TokenizerFiles.fromDirectory(dir);
        assertEquals(plain.sha256(), compressed.sha256());
        assertEquals(plain, compressed);
        assertEquals(plain.hashCode(), compressed.hashCode());
        TokenizerFiles other = new TokenizerFiles(json, "{}".getBytes(StandardCharsets.UTF_8), null, null);
        assertNotEquals(plain.sha256(), other.sha256());
        assertNotEquals(plain, other);
        assertEquals(64, plain.sha256().length());
    }

    @Test
    void filesSurviveJavaSerializationAsSparkBroadcastsThem() throws Exception {
        TokenizerFiles files = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("llama2"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(files);
        }
        TokenizerFiles copy;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TokenizerFiles) in.readObject();
        }
        assertEquals(files, copy);
        try (HfTokenizer a = HfTokenizer.fromFiles(files); HfTokenizer b = HfTokenizer.fromFiles(copy)) {
            assertArrayEquals(a.encode("Hello world").ids(), b.encode("Hello world").ids());
        }
    }

    @Test
    void closedTokenizerRefusesWork() {
        HfTokenizer tokenizer = HfTokenizer.load(TokenGoldens.tokenizerDir("llama2"));
        tokenizer.close();
        tokenizer.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tokenizer.encode("x"));
        assertTrue(e.getMessage().contains("closed"));
    }

    private static void writeMinimalTokenizer(Path dir) throws IOException {
        Files.write(dir.resolve("tokenizer.json"),
                TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("llama2")).tokenizerJson());
    }

    @Test
    void reportsWhatThePostProcessorAddsAroundAText() {
        // tokenizer.json facts: Gemma 3's TemplateProcessing puts <bos> (id 2) before a single sequence; Qwen's
        // ByteLevel post-processor adds nothing.
        try (HfTokenizer gemma = HfTokenizer.load(TokenGoldens.tokenizerDir("gemma3"));
             HfTokenizer qwen = HfTokenizer.load(TokenGoldens.tokenizerDir("qwen3"))) {
            int[][] added = gemma.addedSpecialTokens();
            assertArrayEquals(new int[] {2}, added[0]);
            assertArrayEquals(new int[0], added[1]);
            int[][] none = qwen.addedSpecialTokens();
            assertEquals(0, none[0].length + none[1].length);
        }
    }
}
