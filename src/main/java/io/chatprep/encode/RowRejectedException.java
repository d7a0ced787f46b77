package io.chatprep.encode;

/**
 * A row that cannot become training data. {@code stage} says where it failed (parse, convert, render,
 * tokenize, mask) and the message says why, in words a person can act on; the row goes to quarantine.
 */
public class RowRejectedException extends Exception {
    private final String stage;

    public RowRejectedException(String stage, String reason) {
        super(reason);
        this.stage = stage;
    }

    public RowRejectedException(String stage, String reason, Throwable cause) {
        super(reason, cause);
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }

    public String reason() {
        return getMessage();
    }
}
