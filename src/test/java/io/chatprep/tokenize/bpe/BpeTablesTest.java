package io.chatprep.tokenize.bpe;

import io.chatprep.tokenize.TokenGoldens;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.tokenize.TokenizerJsonParts;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-level reading of vocabularies and merges against Jackson's tree of the same file: every token's id,
 * every merge's rank and merged id, on the bundled tokenizers as shipped and rewritten in the other ways JSON
 * allows (escaped text, merges as pairs, merges before the vocabulary, other white space).
 */
@Tag("corpus")
class BpeTablesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "llama3_1", "gptoss", "deepseek_v3", "gemma3", "llama2"})
    void everyTokenHasTheIdTheJsonGivesIt(String name) throws IOException {
        byte[] json = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name)).tokenizerJson();
        JsonNode vocab = JSON.readTree(json).path("model").path("vocab");
        TokenIds ids = BpeTables.readVocab(json, TokenizerJsonParts.read(json).vocabAt);
        assertEquals(vocab.size(), ids.size(), name);
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertEquals(e.getValue().asInt(), ids.get(e.getKey()), name + ": " + e.getKey());
        }
        assertEquals(-1, ids.get("no such token \u0001"), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "llama3_1", "gptoss", "deepseek_v3"})
    void theTablesAreThoseOfTheParsedFile(String name) throws IOException {
        byte[] json = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir(name)).tokenizerJson();
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        assertSameTables(name, root, json);
    }

    @Test
    void escapedTextPairedMergesAndAnotherOrderGiveTheSameTables() throws IOException {
        byte[] original = TokenizerFiles.fromDirectory(TokenGoldens.tokenizerDir("qwen3")).tokenizerJson();
        ObjectNode root = (ObjectNode) JSON.readTree(original);
        ObjectMapper escaping = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII)
                .enable(SerializationFeature.INDENT_OUTPUT);
        byte[] escaped = escaping.writeValueAsBytes(root);
        assertTrue(new String(escaped, StandardCharsets.US_ASCII).contains("\\u0120"), "non-ASCII text is escaped");
        assertSameTables("escaped", root, escaped);

        ObjectNode reordered = root.deepCopy();
        ObjectNode model = (ObjectNode) reordered.get("model");
        JsonNode vocab = model.remove("vocab");
        ArrayNode pairs = JSON.createArrayNode();
        ArrayNode strings = JSON.createArrayNode();
        for (JsonNode merge : model.remove("merges")) {
            String[] halves = halves(merge);
            pairs.addArray().add(halves[0]).add(halves[1]);
            strings.add(halves[0] + " " + halves[1]);
        }
        model.set("merges", pairs);
        model.set("vocab", vocab);
        assertSameTables("pairs before the vocabulary", reordered, escaping.writeValueAsBytes(reordered));
        model.set("merges", strings);
        assertSameTables("strings", reordered, JSON.writeValueAsBytes(reordered));
    }

    @Test
    void aSurrogatePairEscapeIsOneCodePoint() throws IOException {
        byte[] json = "{\"a\\ud83d\\ude00\": 7, \"\\u00e9\\n\": 8}".getBytes(StandardCharsets.UTF_8);
        TokenIds ids = BpeTables.readVocab(json, 0);
        assertEquals(7, ids.get("a\ud83d\ude00"));
        assertEquals(8, ids.get("\u00e9\n"));
    }

    @Test
    void aTokenListedTwiceKeepsItsLastId() throws IOException {
        TokenIds ids = BpeTables.readVocab("{\"a\": 1, \"b\": 2, \"a\": 3}".getBytes(StandardCharsets.UTF_8), 0);
        assertEquals(3, ids.get("a"));
        assertEquals(2, ids.size());
    }

    @Test
    void malformedTablesAreRefused() throws IOException {
        String vocab = byteVocab("\"ab\": 256");
        assertNotNull(tables(vocab, "[[\"a\", \"b\"]]"));
        assertThrows(IllegalArgumentException.class, () -> tables(vocab, "[\"a b c\"]"));
        assertThrows(IllegalArgumentException.class, () -> tables(vocab, "[[\"a\"]]"));
        assertThrows(IllegalArgumentException.class, () -> tables(vocab, "[[\"a\", \"b\", \"c\"]]"));
        assertThrows(IllegalArgumentException.class, () -> tables(vocab, "[7]"));
        assertThrows(IOException.class, () -> tables("{\"a\": 1.5}", "[]"));
        assertThrows(IOException.class, () -> tables("{\"a\": 1", "[]"));
        assertThrows(IOException.class, () -> tables(vocab, "[\"a b\""));
    }

    @Test
    void aMergeOutsideTheVocabularyNamesItself() throws IOException {
        String vocab = byteVocab("\"ab\": 256");
        String[] reason = new String[1];
        assertNotNull(tables(vocab, "[\"a b\"]", reason));
        assertNull(tables(vocab, "[\"a b\", \"ab c\"]", reason));
        assertEquals("merge ab c names a token outside the vocabulary", reason[0]);
        assertNull(tables("{\"a\": 0}", "[]", reason));
        assertEquals("the vocabulary lacks byte 0", reason[0]);
    }

    private static String[] halves(JsonNode merge) {
        return merge.isArray() ? new String[]{merge.get(0).asText(), merge.get(1).asText()}
                : merge.asText().split(" ", -1);
    }

    /** A vocabulary of the 256 byte tokens and {@code more}. */
    private static String byteVocab(String more) throws IOException {
        StringBuilder vocab = new StringBuilder("{");
        for (int b = 0; b < 256; b++) {
            vocab.append(JSON.writeValueAsString(String.valueOf(ByteLevelBpe.BYTE_CHARS[b]))).append(": ").append(b)
                    .append(", ");
        }
        return vocab.append(more).append("}").toString();
    }

    private static BpeTables tables(String vocab, String merges) throws IOException {
        return tables(vocab, merges, new String[1]);
    }

    private static BpeTables tables(String vocab, String merges, String[] reason) throws IOException {
        byte[] head = (vocab + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] json = (vocab + "\n" + merges).getBytes(StandardCharsets.UTF_8);
        return BpeTables.read(json, 0, head.length, true, reason);
    }

    /** Byte ids, every merge's rank and merged id, and the kept vocabulary, from {@code json} as from {@code root}. */
    private static void assertSameTables(String what, ObjectNode root, byte[] json) throws IOException {
        TokenizerJsonParts parts = TokenizerJsonParts.read(json);
        String[] reason = new String[1];
        BpeTables tables = BpeTables.read(json, parts.vocabAt, parts.mergesAt, true, reason);
        assertNotNull(tables, what + ": " + reason[0]);
        Map<String, Integer> vocab = new HashMap<>();
        root.path("model").path("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        for (int b = 0; b < 256; b++) {
            assertEquals(vocab.get(String.valueOf(ByteLevelBpe.BYTE_CHARS[b])), tables.byteIds[b], what + " byte " + b);
        }
        Map<Long, Long> expected = new HashMap<>();
        int rank = 0;
        for (JsonNode merge : root.path("model").path("merges")) {
            String left = halves(merge)[0];
            String right = halves(merge)[1];
            long pair = (long) vocab.get(left) << 32 | vocab.get(right);
            expected.put(pair, (long) rank++ << 32 | vocab.get(left + right));
        }
        assertEquals(expected.size(), tables.merges.size(), what);
        expected.forEach((pair, value) -> assertEquals(value, tables.merges.get((int) (pair >>> 32), (int) (long) pair),
                what));
        assertEquals(vocab, tables.vocab.toMap(), what);
    }
}
