package io.chatprep.job.output;

import io.chatprep.job.config.ConfigException;

/**
 * The output directory cannot be written as asked: it exists (mode {@code error-if-exists}), it holds the run's own
 * input, or it is not a chatprep output and {@code force} was not given. Raised before anything is touched.
 */
public class OutputRefusedException extends ConfigException {
    public OutputRefusedException(String message) {
        super(message);
    }
}
