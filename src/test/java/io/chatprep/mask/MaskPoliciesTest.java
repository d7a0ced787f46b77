package io.chatprep.mask;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenGoldens;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** last-turn and final-channel on real renders (goldens' text and spans), against hand-checked trained text. */
class MaskPoliciesTest {

    @Test
    void finalChannelDropsTheToolCallSpanOfGptOss() {
        // gptoss_training.jinja: the tool call and the answer are separate spans without <|start|>assistant.
        assertEquals("<|channel|>final<|message|>It is 09:30 UTC.<|return|>",
                finalChannelText("gptoss", "reasoning_with_tools"));
    }

    @Test
    void finalChannelDropsAnalysisInsideTheSameSpan() {
        // harmony_marked.jinja: one span holds analysis, tool call and final messages with their headers.
        assertEquals("<|start|>assistant<|channel|>final<|message|>It is 09:30 UTC.<|return|>",
                finalChannelText("gptoss.marked", "reasoning_with_tools"));
        assertEquals("<|start|>assistant<|channel|>final<|message|>51<|end|>"
                        + "<|start|>assistant<|channel|>final<|message|>60<|return|>",
                finalChannelText("gptoss.marked", "reasoning_content"));
    }

    private static String finalChannelText(String golden, String name) {
        try (HfTokenizer tokenizer = HfTokenizer.load(TokenGoldens.tokenizerDir("gptoss"))) {
            JsonNode row = TokenGoldens.row(golden, name);
            String text = row.get("text").asText();
            int[][] spans = TokenGoldens.spans(row.get("spans"));
            Encoding encoding = tokenizer.encode(text);
            byte[] mask = AssistantMask.fromSpans(encoding.offsets(), FinalChannelSpans.of(text, spans));
            return trainedText(tokenizer, encoding.ids(), mask);
        }
    }

    @Test
    void finalChannelSpansOfAHandBuiltHarmonyTurn() {
        String text = "<|start|>user<|message|>Hi<|end|>"
                + "<|start|>assistant<|channel|>analysis<|message|>think<|end|>"
                + "<|start|>assistant<|channel|>final<|message|>Hello<|return|>";
        int spanStart = text.indexOf("<|start|>assistant");
        int[][] finals = FinalChannelSpans.of(text, new int[][] {{spanStart, text.length()}});
        assertEquals(1, finals.length);
        assertEquals("<|start|>assistant<|channel|>final<|message|>Hello<|return|>",
                text.substring(finals[0][0], finals[0][1]));
        // A span with no final message (only a tool call) contributes nothing.
        String call = "<|start|>assistant<|channel|>commentary to=functions.f <|constrain|>json<|message|>{}<|call|>";
        assertEquals(0, FinalChannelSpans.of(call, new int[][] {{0, call.length()}}).length);
        // The header left outside the span: the final message starts at the span.
        String open = "<|start|>assistant<|channel|>final<|message|>Hi<|end|>";
        int from = "<|start|>assistant".length();
        int[][] partial = FinalChannelSpans.of(open, new int[][] {{from, open.length()}});
        assertArrayEquals(new int[] {from, open.length()}, partial[0]);
    }

    @Test
    void finalChannelCountsCodePointsNotUtf16Units() {
        String text = "\uD83E\uDDA9<|start|>assistant<|channel|>final<|message|>\uD83E\uDDA9<|return|>";
        int length = text.codePointCount(0, text.length());
        int[][] finals = FinalChannelSpans.of(text, new int[][] {{1, length}});
        assertArrayEquals(new int[] {1, length}, finals[0]);
    }

    @Test
    void lastTurnTrainsOnlyTheLastAssistantMessageOfQwen3() {
        try (HfTokenizer tokenizer = HfTokenizer.load(TokenGoldens.tokenizerDir("qwen3"))) {
            JsonNode row = TokenGoldens.row("qwen3", "system_multi_turn");
            String text = row.get("text").asText();
            Encoding encoding = tokenizer.encode(text);
            byte[] mask = AssistantMask.fromSpans(encoding.offsets(), TokenGoldens.spans(row.get("spans")));
            int prefix = row.get("last_turn").get("prefix_chars").asInt();
            byte[] last = LastTurnMask.restrict(Arrays.copyOf(mask, mask.length), encoding.offsets(), prefix);
            String lastAnswer = row.get("text").asText();
            assertEquals(trainedTail(lastAnswer), trainedText(tokenizer, encoding.ids(), last));
            assertEquals(true, AssistantMask.count(last) < AssistantMask.count(mask));
        }
    }

    @Test
    void lastTurnOfAToolExchangeLeavesTheEarlierToolCallUntrained() {
        try (HfTokenizer tokenizer = HfTokenizer.load(TokenGoldens.tokenizerDir("qwen3"))) {
            JsonNode row = TokenGoldens.row("qwen3", "tool_call_dict_args");
            String text = row.get("text").asText();
            Encoding encoding = tokenizer.encode(text);
            byte[] mask = AssistantMask.fromSpans(encoding.offsets(), TokenGoldens.spans(row.get("spans")));
            byte[] last = LastTurnMask.restrict(Arrays.copyOf(mask, mask.length), encoding.offsets(),
                    row.get("last_turn").get("prefix_chars").asInt());
            String trained = trainedText(tokenizer, encoding.ids(), last);
            assertEquals(trainedTail(text), trained);
            assertEquals(-1, trained.indexOf("<tool_call>"));
        }
    }

    @Test
    void policyNamesParse() {
        assertEquals(MaskPolicy.LAST_TURN, MaskPolicy.parse("last-turn"));
        assertEquals(MaskPolicy.FINAL_CHANNEL, MaskPolicy.parse("final-channel"));
        assertThrows(IllegalArgumentException.class, () -> MaskPolicy.parse("everything"));
    }

    @Test
    void completionMaskStartsAfterThePrompt() {
        assertArrayEquals(new byte[] {0, 0, 1, 1}, CompletionMask.afterPrompt(4, 2));
        assertArrayEquals(new byte[3], CompletionMask.afterPrompt(3, 5));
    }

    /** The text after the last "<|im_start|>assistant\n" header: what the final turn generates. */
    private static String trainedTail(String text) {
        String header = "<|im_start|>assistant\n";
        return text.substring(text.lastIndexOf(header) + header.length());
    }

    private static String trainedText(HfTokenizer tokenizer, int[] ids, byte[] mask) {
        int n = 0;
        int[] kept = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (mask[i] == 1) {
                kept[n++] = ids[i];
            }
        }
        return tokenizer.decode(Arrays.copyOf(kept, n));
    }
}
