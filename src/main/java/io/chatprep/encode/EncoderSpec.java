package io.chatprep.encode;

import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.vision.ImageProcessorFiles;

import java.io.Serializable;

/**
 * Everything an executor needs to build a {@link ConversationEncoder}: small enough to broadcast,
 * and the key under which each JVM caches the encoder it built. Null options mean {@link EncoderOptions#defaults()}.
 *
 * @param imageProcessor the image processor's configuration, or null for text rows only (no image expansion, the
 *                       tokenizer's mask rule)
 */
public record EncoderSpec(String templateSource, TokenizerFiles tokenizer, EncoderOptions options,
                          ImageProcessorFiles imageProcessor) implements Serializable {
    public EncoderSpec {
        if (options == null) {
            options = EncoderOptions.defaults();
        }
    }

    public EncoderSpec(String templateSource, TokenizerFiles tokenizer, EncoderOptions options) {
        this(templateSource, tokenizer, options, null);
    }

    public EncoderSpec withImageProcessor(ImageProcessorFiles files) {
        return new EncoderSpec(templateSource, tokenizer, options, files);
    }
}
