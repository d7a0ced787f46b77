package io.chatprep.job.tasks;

import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncoderSpec;
import io.chatprep.encode.TokenizerLoad;

import java.io.Serializable;

/**
 * Builds the encoder for a spec on each executor. The job always uses {@link #conversationEncoder()};
 * the seam exists so the job's plumbing can be tested against a small deterministic encoder.
 */
@FunctionalInterface
public interface EncoderFactory extends Serializable {
    RowEncoder open(EncoderSpec spec);

    /** As {@link #open(EncoderSpec)}, with the spec's tokenizer already loading; a factory that needs none drops it. */
    default RowEncoder open(EncoderSpec spec, TokenizerLoad load) {
        load.discard();
        return open(spec);
    }

    /** Render, tokenize and mask with {@link ConversationEncoder}. */
    static EncoderFactory conversationEncoder() {
        return ConversationEncoderFactory.INSTANCE;
    }
}
