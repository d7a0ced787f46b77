package io.chatprep.job.input;

import io.chatprep.job.config.ConfigException;

/** The input cannot be read as asked: it names no files, cannot be listed, or holds no rows. */
public class InputException extends ConfigException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
