package io.chatprep.tokenize;

/**
 * The tokenizers native library cannot be loaded in this JVM: a fact about the machine (its platform, a writable
 * directory to extract to), not about any tokenizer's files.
 */
public class NativeLibraryException extends TokenizerLoadException {
    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
