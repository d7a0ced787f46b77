package io.chatprep.tokenize;

/** A tokenizer directory or file that cannot be used; the message names the file and the problem. */
public class TokenizerLoadException extends RuntimeException {
    public TokenizerLoadException(String message) {
        super(message);
    }

    public TokenizerLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
