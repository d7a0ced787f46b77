package io.chatprep.job.config;

/** How a row holds its conversation; {@code AUTO} decides per row from the columns present. */
public enum RowFormat {
    AUTO,
    /** HF conversational: {@code messages}, optional {@code tools} and {@code chat_template_kwargs}. */
    MESSAGES,
    /** {@code prompt} and {@code completion}, both plain text or both message lists. */
    PROMPT_COMPLETION,
    /** {@code conversations} of {@code {from, value}} turns. */
    SHAREGPT,
    /** {@code instruction}, {@code input}, {@code output}, optional {@code system} and {@code history}. */
    ALPACA;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
