package io.chatprep.job.encode;

import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.RowRejectedException;

import java.util.Map;

/** What the job needs from an encoder: one row in, ids and mask out, or a rejection. Thread-safe. */
public interface RowEncoder extends AutoCloseable {
    EncodedRow encode(Map<String, Object> row) throws RowRejectedException;

    @Override
    void close();
}
