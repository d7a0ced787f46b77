package io.chatprep.tokenize;

import io.chatprep.tokenize.bpe.BpeTables;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pass over tokenizer.json: what it passes over unparsed cannot mislead it, and what is not JSON is refused. */
class TokenizerJsonPartsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stringsThatLookLikeStructureArePassedOverWhole() throws IOException {
        String doc = "\uFEFF{ \"decoder\": {\"x\": [\"}]\\\"\", {\"\\\\\": \"{[\"}], \"n\": -1.5e3, \"t\": true},\n"
                + " \"added_tokens\": [{\"id\": 5, \"content\": \"<|a|>\\u00e9\"}],\n"
                + " \"model\": {\"type\": \"BPE\", \"dropout\": null, \"merges\": [[\"a\", \"b\"]], \"vocab\": {\"]\": 1}},"
                + " \"post_processor\": null }  \n";
        byte[] json = doc.getBytes(StandardCharsets.UTF_8);
        TokenizerJsonParts parts = TokenizerJsonParts.read(json);
        assertEquals(JSON.readTree("[{\"id\": 5, \"content\": \"<|a|>\u00e9\"}]"), parts.addedTokens);
        assertEquals("BPE", parts.modelText("type"));
        assertTrue(parts.model.containsKey("vocab") && parts.model.containsKey("merges"));
        assertTrue(parts.postProcessor.isNull());
        assertEquals('{', json[parts.vocabAt]);
        assertEquals('[', json[parts.mergesAt]);
        assertEquals(1, BpeTables.readVocab(json, parts.vocabAt).get("]"));
    }

    @Test
    void whatIsNotJsonIsRefused() {
        for (String bad : new String[]{"{\"a\": [1, 2}", "{\"a\": \"open", "{\"a\": 1} {}", "{\"a\" 1}", "{\"a\": 1,}",
                "{\"added_tokens\": [\"\\x\"]}", "{\"model\": {\"vocab\": {\"a\": 1}, \"dropout\": 0.}"}) {
            assertThrows(IOException.class, () -> TokenizerJsonParts.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> TokenizerJsonParts.read("[]".getBytes(StandardCharsets.UTF_8)));
    }
}
