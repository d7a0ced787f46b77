package io.chatprep.tokenize;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * The raw files of a HuggingFace tokenizer, held as bytes so they can be broadcast to Spark executors
 * and hashed for the run manifest. {@code tokenizer.json} is required; the others may be null.
 */
public final class TokenizerFiles implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] tokenizerJson;
    private final byte[] tokenizerConfigJson;
    private final byte[] specialTokensMapJson;
    private final String chatTemplateJinja;

    public TokenizerFiles(byte[] tokenizerJson, byte[] tokenizerConfigJson, byte[] specialTokensMapJson,
                          String chatTemplateJinja) {
        this.tokenizerJson = tokenizerJson;
        this.tokenizerConfigJson = tokenizerConfigJson;
        this.specialTokensMapJson = specialTokensMapJson;
        this.chatTemplateJinja = chatTemplateJinja;
    }

    /** Reads a directory (local or any Hadoop path given as a local copy); {@code .gz} variants are accepted. */
    public static TokenizerFiles fromDirectory(Path dir) {
        throw new UnsupportedOperationException("tokenizer loading not built yet");
    }

    public byte[] tokenizerJson() {
        return tokenizerJson;
    }

    public byte[] tokenizerConfigJson() {
        return tokenizerConfigJson;
    }

    public byte[] specialTokensMapJson() {
        return specialTokensMapJson;
    }

    public String chatTemplateJinja() {
        return chatTemplateJinja;
    }
}
