package io.chatprep.mask;

/** Which generated tokens are trained. */
public enum MaskPolicy {
    /** Every {@code {% generation %}} span, exactly as transformers' {@code return_assistant_tokens_mask}. */
    ASSISTANT,
    /** Only what the last assistant message generates; defined exactly in {@link LastTurnMask}. */
    LAST_TURN,
    /**
     * GPT-OSS: only the {@code final} channel messages and their end tokens, not the analysis or commentary
     * channels; defined exactly in {@link FinalChannelSpans}.
     */
    FINAL_CHANNEL;

    /** Parses the command-line / config spelling ({@code assistant}, {@code last-turn}, {@code final-channel}). */
    public static MaskPolicy parse(String text) {
        for (MaskPolicy p : values()) {
            if (p.cliName().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown mask policy '" + text
                + "' (expected assistant, last-turn or final-channel)");
    }

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
