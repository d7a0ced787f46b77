package io.chatprep.job.tasks;

import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.tokenize.HfTokenizer;

import java.util.Map;

/** What the job needs from an encoder: one row in, ids and mask out, or a rejection. Thread-safe. */
public interface RowEncoder extends AutoCloseable {
    EncodedRow encode(Map<String, Object> row) throws RowRejectedException;

    /**
     * As {@link #encode(Map)}, for a row read from {@code source} (its file, against which relative image references
     * resolve; null when the row comes from no file).
     */
    default EncodedRow encode(Map<String, Object> row, String source) throws RowRejectedException {
        return encode(row);
    }

    /**
     * The tokenizer this encoder holds, for code in the same JVM that needs one too (the driver in local mode);
     * owned by the encoder, never closed by the caller. Null when the encoder has none.
     */
    default HfTokenizer tokenizer() {
        return null;
    }

    /** How this encoder tokenizes texts, for run output; null when it does not say. */
    default String tokenization() {
        return null;
    }

    /** Forgets what the encoder learnt from rows so far (reused pieces and words); its results do not change. */
    default void clearCaches() {
    }

    @Override
    void close();
}
