package io.chatprep.encode;

/**
 * A row that cannot become training data. {@code stage} says where it failed (parse, convert, render,
 * tokenize, mask) and the message says why, in words a person can act on; the row goes to quarantine.
 */
public class RowRejectedException extends Exception {
    /**
     * How the reason of a row that hit a render limit (time, memory, output, loops, recursion) begins, at stage
     * {@code render}: "render limit: render memory limit of 256 MB exceeded (...)". Such rows say nothing about the
     * data, only about the template and the limits, so a run can tell them apart.
     */
    public static final String RENDER_LIMIT = "render limit: ";

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
