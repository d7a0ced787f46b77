package io.chatprep.job.input;

/**
 * An input file could not be read while the job ran (a truncated .gz, a file cut short or removed since it was
 * listed, a corrupt Parquet footer): the message names the file. Fails the task, and so the run, as an input error.
 */
public class InputReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
