package io.chatprep.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatprep.mask.AssistantMask;
import io.chatprep.mask.CompletionMask;
import io.chatprep.mask.LastTurnMask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Row for row against the Python reference: DJL ids equal transformers' ids for the golden text, and the
 * masks built from the golden spans and DJL's offsets equal transformers' assistant masks and labels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenTokensTest {
    private final Map<String, HfTokenizer> tokenizers = new HashMap<>();

    @BeforeAll
    void load() {
        for (String name : TokenGoldens.ALL) {
            tokenizers.put(name, HfTokenizer.load(TokenGoldens.tokenizerDir(name)));
        }
    }

    @AfterAll
    void close() {
        tokenizers.values().forEach(HfTokenizer::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "llama3_1", "gemma3", "gptoss", "deepseek_v3", "llama2", "yi"})
    void idsMasksAndLabelsEqualTheReference(String name) {
        int checked = check(name, name);
        assertTrue(checked >= 150, name + ": only " + checked + " rendered golden rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "llama3_1", "gemma3", "gptoss", "deepseek_v3"})
    void markedTestTemplateRowsEqualTheReference(String name) {
        assertTrue(check(name, name + ".marked") >= 150);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "gemma3", "llama2"})
    void quirkCasesEqualTheReference(String name) {
        assertEquals(5, check(name, "quirks_" + name));
    }

    private int check(String tokenizerName, String goldenFile) {
        HfTokenizer tokenizer = tokenizers.get(tokenizerName);
        int checked = 0;
        for (JsonNode row : TokenGoldens.rows(goldenFile)) {
            if (row.has("error")) {
                continue;
            }
            String where = goldenFile + " / " + row.get("name").asText();
            Encoding encoding = tokenizer.encode(row.get("text").asText());
            int[] ids = TokenGoldens.ints(row.get("input_ids"));
            assertArrayEquals(ids, encoding.ids(), where + ": input_ids");
            byte[] mask = AssistantMask.fromSpans(encoding.offsets(), TokenGoldens.spans(row.get("spans")));
            assertArrayEquals(TokenGoldens.bytes(row.get("assistant_masks")), mask, where + ": assistant_masks");
            assertArrayEquals(TokenGoldens.ints(row.get("labels")), AssistantMask.labels(encoding.ids(), mask),
                    where + ": labels");
            if (row.has("last_turn")) {
                JsonNode lastTurn = row.get("last_turn");
                byte[] restricted = LastTurnMask.restrict(Arrays.copyOf(mask, mask.length), encoding.offsets(),
                        lastTurn.get("prefix_chars").asInt());
                assertArrayEquals(TokenGoldens.bytes(lastTurn.get("mask")), restricted, where + ": last-turn mask");
            }
            if (row.has("prompt_completion")) {
                JsonNode pc = row.get("prompt_completion");
                int[] pcIds = TokenGoldens.ints(pc.get("input_ids"));
                byte[] completion = CompletionMask.afterPrompt(pcIds.length, pc.get("prompt_tokens").asInt());
                assertArrayEquals(TokenGoldens.bytes(pc.get("completion_mask")), completion, where + ": completion mask");
            }
            checked++;
        }
        return checked;
    }
}
