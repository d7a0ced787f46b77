package io.chatprep.encode;

import java.util.Map;

/**
 * Render, tokenize and mask one row, with no Spark involved. A row is a parsed JSON object in the
 * Python value model ({@code messages}, optional {@code tools}, {@code chat_template_kwargs}, or
 * {@code prompt}/{@code completion}).
 */
public final class ConversationEncoder implements AutoCloseable {

    /** Compiles the template and loads the tokenizer of {@code spec}. */
    public static ConversationEncoder open(EncoderSpec spec) {
        throw new UnsupportedOperationException("encoder not built yet");
    }

    public EncodedRow encode(Map<String, Object> row) throws RowRejectedException {
        throw new UnsupportedOperationException("encoder not built yet");
    }

    @Override
    public void close() {
    }
}
