package io.chatprep.job.tasks;

import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.EncoderSpec;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.job.input.HadoopImageStore;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.encode.TokenizerLoad;

import java.util.Map;

/** The production factory: a {@link ConversationEncoder} per spec. A singleton so it serializes to itself. */
final class ConversationEncoderFactory implements EncoderFactory {
    static final ConversationEncoderFactory INSTANCE = new ConversationEncoderFactory();
    private static final long serialVersionUID = 1L;

    private ConversationEncoderFactory() {
    }

    @Override
    public RowEncoder open(EncoderSpec spec) {
        return wrap(ConversationEncoder.open(spec, new HadoopImageStore()));
    }

    @Override
    public RowEncoder open(EncoderSpec spec, TokenizerLoad load) {
        return wrap(ConversationEncoder.open(spec, new HadoopImageStore(), load));
    }

    private static RowEncoder wrap(ConversationEncoder encoder) {
        return new RowEncoder() {
            @Override
            public EncodedRow encode(Map<String, Object> row) throws RowRejectedException {
                return encoder.encode(row);
            }

            @Override
            public EncodedRow encode(Map<String, Object> row, String source) throws RowRejectedException {
                return encoder.encode(row, source);
            }

            @Override
            public HfTokenizer tokenizer() {
                return encoder.tokenizer();
            }

            @Override
            public String tokenization() {
                return encoder.tokenization();
            }

            @Override
            public void clearCaches() {
                if (encoder.segmentEncoder() != null) {
                    encoder.segmentEncoder().clearCache();
                }
            }

            @Override
            public void close() {
                encoder.close();
            }
        };
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
