package io.chatprep.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.tokenize.TokenGoldens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Render, tokenize and mask every conversation and compare with transformers' output, row for row. */
@Tag("corpus")
class EncoderGoldenTest {

    @BeforeAll
    static void needsEngine() {
        Assumptions.assumeTrue(EncoderFixtures.engineRenders(), "the template engine does not render yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "llama3_1", "gemma3", "gptoss", "deepseek_v3", "llama2", "yi"})
    void assistantMasksEqualTransformers(String tokenizer) {
        compare(tokenizer, EncoderFixtures.templateFor(tokenizer), tokenizer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "llama3_1", "gemma3", "gptoss", "deepseek_v3"})
    void markedTestTemplatesEqualTransformers(String tokenizer) {
        compare(tokenizer, TokenGoldens.RESOURCES.resolve("templates").resolve(EncoderFixtures.TEMPLATES.get(tokenizer)[1]),
                tokenizer + ".marked");
    }

    private static void compare(String tokenizer, java.nio.file.Path template, String goldenFile) {
        List<Map<String, Object>> rows = EncoderFixtures.rows();
        List<JsonNode> goldens = TokenGoldens.rows(goldenFile);
        assertEquals(goldens.size(), rows.size());
        List<String> failures = new ArrayList<>();
        try (ConversationEncoder encoder = EncoderFixtures.open(tokenizer, template, MaskPolicy.ASSISTANT)) {
            for (int i = 0; i < rows.size(); i++) {
                JsonNode golden = goldens.get(i);
                String name = golden.get("name").asText();
                try {
                    EncodedRow row = encoder.encode(rows.get(i));
                    if (golden.has("error")) {
                        failures.add(name + ": Python raised " + golden.get("error").asText() + " but chatprep encoded it");
                        continue;
                    }
                    if (!java.util.Arrays.equals(TokenGoldens.ints(golden.get("input_ids")), row.inputIds())) {
                        failures.add(name + ": input_ids differ");
                    } else if (!java.util.Arrays.equals(TokenGoldens.bytes(golden.get("assistant_masks")), row.assistantMask())) {
                        failures.add(name + ": assistant_masks differ");
                    } else {
                        assertArrayEquals(TokenGoldens.ints(golden.get("labels")), row.labels(), name);
                    }
                } catch (RowRejectedException e) {
                    if (golden.has("error")) {
                        // A template's own raise_exception must come through word for word; for other Python
                        // errors (undefined attributes, type errors) the row must fail at render as well.
                        String python = golden.get("error").asText();
                        String message = python.substring(python.indexOf(": ") + 2);
                        if (python.startsWith("TemplateError: ") ? !e.reason().equals("template raised: " + message)
                                : !e.stage().equals("render")) {
                            failures.add(name + ": rejected with '" + e.reason() + "', Python: " + python);
                        }
                    } else if (!allZero(golden.get("assistant_masks"))) {
                        failures.add(name + ": rejected (" + e.stage() + ": " + e.reason() + ") but Python encoded it");
                    } else {
                        assertEquals("mask", e.stage(), name);
                        assertTrue(e.reason().startsWith("no assistant tokens"), e.reason());
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(goldenFile + ": " + failures.size() + " of " + rows.size() + " rows differ:\n" + String.join("\n", failures));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "gptoss", "llama3_1"})
    void lastTurnAndPromptCompletionEqualTheReference(String tokenizer) throws RowRejectedException {
        List<Map<String, Object>> rows = EncoderFixtures.rows();
        List<JsonNode> goldens = TokenGoldens.rows(tokenizer);
        int lastTurns = 0;
        int completions = 0;
        try (ConversationEncoder lastTurn = EncoderFixtures.open(tokenizer, MaskPolicy.LAST_TURN);
             ConversationEncoder assistant = EncoderFixtures.open(tokenizer, MaskPolicy.ASSISTANT)) {
            for (int i = 0; i < rows.size(); i++) {
                JsonNode golden = goldens.get(i);
                String name = golden.get("name").asText();
                if (golden.has("last_turn") && !allZero(golden.get("last_turn").get("mask"))) {
                    EncodedRow row = lastTurn.encode(rows.get(i));
                    assertArrayEquals(TokenGoldens.bytes(golden.get("last_turn").get("mask")), row.assistantMask(),
                            name + ": last-turn");
                    lastTurns++;
                }
                if (golden.has("prompt_completion") && !allZero(golden.get("prompt_completion").get("completion_mask"))) {
                    EncodedRow row = assistant.encode(promptCompletion(rows.get(i)));
                    JsonNode pc = golden.get("prompt_completion");
                    assertArrayEquals(TokenGoldens.ints(pc.get("input_ids")), row.inputIds(), name + ": p-c ids");
                    assertArrayEquals(TokenGoldens.bytes(pc.get("completion_mask")), row.assistantMask(), name + ": p-c mask");
                    completions++;
                }
            }
        }
        assertTrue(lastTurns >= 100, "last-turn rows checked: " + lastTurns);
        assertTrue(completions >= 100, "prompt-completion rows checked: " + completions);
    }

    /** The same conversation as a prompt-completion row, split before its last message. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> promptCompletion(Map<String, Object> row) {
        List<Object> messages = (List<Object>) row.get("messages");
        Map<String, Object> split = new LinkedHashMap<>(row);
        split.remove("messages");
        split.put("prompt", messages.subList(0, messages.size() - 1));
        split.put("completion", messages.subList(messages.size() - 1, messages.size()));
        return split;
    }

    private static boolean allZero(JsonNode mask) {
        for (JsonNode m : mask) {
            if (m.asInt() != 0) {
                return false;
            }
        }
        return true;
    }
}
