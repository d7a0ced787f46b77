package io.chatprep.mask;

import java.util.Arrays;

/**
 * Prompt–completion rows as TRL trains them: the prompt is rendered on its own with the generation
 * prompt, and every token of the full render past the prompt's token count is trained
 * ({@code completion_mask = [0] * len(prompt_ids) + [1] * (len(ids) - len(prompt_ids))}).
 */
public final class CompletionMask {
    private CompletionMask() {
    }

    public static byte[] afterPrompt(int tokens, int promptTokens) {
        byte[] mask = new byte[tokens];
        if (promptTokens < tokens) {
            Arrays.fill(mask, Math.max(promptTokens, 0), tokens, (byte) 1);
        }
        return mask;
    }
}
