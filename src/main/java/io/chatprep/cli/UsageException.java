package io.chatprep.cli;

/** Wrong command-line use: printed without a stack trace, exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
