package io.chatprep.mask;

import java.util.function.IntUnaryOperator;

/**
 * Generation spans to a token mask with the rule of transformers' processors
 * ({@code ProcessorMixin.apply_chat_template(..., return_assistant_tokens_mask=True)}), which differs from the text
 * tokenizer's ({@link AssistantMask}): each span is first moved past the image placeholders expanded before it
 * (start and end each by the expansions ending at or before them), then every token overlapping it
 * ({@code token_start < span_end && token_end > span_start}) is masked. No span stops the walk and nothing runs to
 * the end of the sequence. Offsets and spans are code points.
 */
public final class ProcessorMask {
    private ProcessorMask() {
    }

    /**
     * @param offsets two per token, in the expanded text
     * @param spans   {@code [start, end)} in the rendered text, before expansion
     * @param shift   a rendered-text position to the expanded text
     */
    public static byte[] fromSpans(int[] offsets, int[][] spans, IntUnaryOperator shift) {
        int tokens = offsets.length / 2;
        byte[] mask = new byte[tokens];
        for (int[] span : spans) {
            int start = shift.applyAsInt(span[0]);
            int end = shift.applyAsInt(span[1]);
            for (int t = 0; t < tokens; t++) {
                if (offsets[2 * t] < end && offsets[2 * t + 1] > start) {
                    mask[t] = 1;
                }
            }
        }
        return mask;
    }

    /** Clears the mask wherever the token is {@code id}: image tokens are never trained. */
    public static void clearToken(byte[] mask, int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                mask[i] = 0;
            }
        }
    }
}
