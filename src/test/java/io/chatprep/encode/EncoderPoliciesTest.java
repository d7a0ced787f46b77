package io.chatprep.encode;

import io.chatprep.mask.MaskPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policies through the whole encoder with the training templates; expected texts read off the renders. */
@Tag("corpus")
class EncoderPoliciesTest {

    @BeforeAll
    static void needsEngine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(EncoderFixtures.engineRenders(), "the template engine does not render yet");
    }

    private static Map<String, Object> varied(String name) {
        return EncoderFixtures.rows("varied.jsonl").stream().filter(r -> name.equals(r.get("name"))).findFirst()
                .orElseThrow();
    }

    private static String trained(String tokenizer, MaskPolicy policy, Map<String, Object> row) throws RowRejectedException {
        try (ConversationEncoder encoder = EncoderFixtures.open(tokenizer, policy)) {
            EncodedRow encoded = encoder.encode(row);
            int[] kept = new int[encoded.numTrainedTokens()];
            int n = 0;
            for (int i = 0; i < encoded.inputIds().length; i++) {
                if (encoded.assistantMask()[i] == 1) {
                    kept[n++] = encoded.inputIds()[i];
                }
            }
            assertEquals(encoded.numTrainedTokens(), n);
            return encoder.tokenizer().decode(Arrays.copyOf(kept, n));
        }
    }

    @Test
    void gptOssFinalChannelSkipsTheToolCall() throws RowRejectedException {
        Map<String, Object> row = varied("reasoning_with_tools");
        assertEquals("<|channel|>final<|message|>It is 09:30 UTC.<|return|>", trained("gptoss", MaskPolicy.FINAL_CHANNEL, row));
        String all = trained("gptoss", MaskPolicy.ASSISTANT, row);
        assertTrue(all.contains("<|call|>") && all.endsWith("<|return|>"), all);
    }

    @Test
    void gptOssLastTurnTrainsOnlyTheLastAnswer() throws RowRejectedException {
        assertEquals("<|channel|>final<|message|>101 is prime.<|return|>",
                trained("gptoss", MaskPolicy.LAST_TURN, varied("system_multi_turn")));
    }

    @Test
    void qwen3LastTurnTrainsOnlyTheLastAnswer() throws RowRejectedException {
        assertEquals("<think>\n\n</think>\n\n101 is prime.<|im_end|>\n",
                trained("qwen3", MaskPolicy.LAST_TURN, varied("system_multi_turn")));
        assertEquals("<think>\nThe tool said 09:30.\n</think>\n\nIt is 09:30 UTC.<|im_end|>\n",
                trained("qwen3", MaskPolicy.LAST_TURN, varied("reasoning_with_tools")));
    }

    @Test
    void finalChannelOnATemplateWithoutChannelsTrainsNothing() {
        try (ConversationEncoder encoder = EncoderFixtures.open("qwen3", MaskPolicy.FINAL_CHANNEL)) {
            RowRejectedException e = assertThrows(RowRejectedException.class, () -> encoder.encode(varied("single_turn")));
            assertEquals("no assistant tokens: no final-channel message inside the generation spans", e.reason());
        }
    }

    @Test
    void promptCompletionUnderFinalChannel() throws RowRejectedException {
        Map<String, Object> row = EncoderGoldenTest.promptCompletion(varied("reasoning_with_tools"));
        assertEquals("<|channel|>final<|message|>It is 09:30 UTC.<|return|>", trained("gptoss", MaskPolicy.FINAL_CHANNEL, row));
    }
}
