package io.chatprep.tokenize;

import java.nio.file.Path;
import java.util.Map;

/**
 * A HuggingFace tokenizer (DJL, tokenizers-rs) configured as transformers uses it for chat templates:
 * no special tokens added, no padding, no truncation. Thread-safe; close it when done.
 */
public final class HfTokenizer implements AutoCloseable {

    public static HfTokenizer load(Path dir) {
        return fromFiles(TokenizerFiles.fromDirectory(dir));
    }

    public static HfTokenizer fromFiles(TokenizerFiles files) {
        throw new UnsupportedOperationException("tokenizer loading not built yet");
    }

    /** Token ids and their code-point offsets for {@code text}. */
    public Encoding encode(String text) {
        throw new UnsupportedOperationException("tokenizer loading not built yet");
    }

    /** Special tokens by name ({@code bos_token}, {@code eos_token}, ...) as template variables. */
    public Map<String, Object> specialTokens() {
        throw new UnsupportedOperationException("tokenizer loading not built yet");
    }

    @Override
    public void close() {
    }
}
