package io.chatprep.job.encode;

import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncoderSpec;

import java.io.Serializable;

/**
 * Builds the encoder for a spec on each executor. The job always uses {@link #conversationEncoder()};
 * the seam exists so the job's plumbing can be tested against a small deterministic encoder.
 */
@FunctionalInterface
public interface EncoderFactory extends Serializable {
    RowEncoder open(EncoderSpec spec);

    /** Render, tokenize and mask with {@link ConversationEncoder}. */
    static EncoderFactory conversationEncoder() {
        return ConversationEncoderFactory.INSTANCE;
    }
}
