package io.chatprep.encode;

import io.chatprep.tokenize.TokenizerFiles;

import java.io.Serializable;

/**
 * Everything an executor needs to build a {@link ConversationEncoder}: small enough to broadcast,
 * and the key under which each JVM caches the encoder it built. Null options mean {@link EncoderOptions#defaults()}.
 */
public record EncoderSpec(String templateSource, TokenizerFiles tokenizer, EncoderOptions options)
        implements Serializable {
    public EncoderSpec {
        if (options == null) {
            options = EncoderOptions.defaults();
        }
    }
}
