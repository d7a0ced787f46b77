package io.chatprep.mask;

/**
 * The {@code last-turn} policy: train only what the last assistant message generates.
 *
 * <p>Precisely: let {@code i} be the index of the last message whose role is {@code assistant}, and
 * {@code P} the text the same template renders for {@code messages[:i]} (same tools and variables,
 * no generation prompt). The full render must start with {@code P}. The mask is the {@code assistant}
 * mask (transformers' rules over every span) with every token that ends at or before {@code len(P)}
 * cleared, so only tokens at least partly after the earlier messages stay trained. Earlier assistant
 * messages of the same exchange (for example a tool call before the final answer) are not trained.
 */
public final class LastTurnMask {
    private LastTurnMask() {
    }

    /**
     * @param mask         the assistant mask; cleared in place before {@code prefixLength}
     * @param offsets      code-point offsets, two per token
     * @param prefixLength {@code len(P)} in code points
     */
    public static byte[] restrict(byte[] mask, int[] offsets, int prefixLength) {
        for (int t = 0; t < mask.length; t++) {
            if (offsets[2 * t + 1] <= prefixLength) {
                mask[t] = 0;
            }
        }
        return mask;
    }
}
