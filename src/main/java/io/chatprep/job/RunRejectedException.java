package io.chatprep.job;

/**
 * The run completed but its result fails the quality gate: no row was written, or more rows were quarantined than
 * {@code max_quarantine_share} allows. Its output was not published; {@link #result()} has the counts and
 * {@link #rejectedOutput()} where the run's files (quarantine, manifest, report) were kept for inspection.
 */
public final class RunRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JobResult result;
    private final String rejectedOutput;

    RunRejectedException(String message, JobResult result, String rejectedOutput) {
        super(message);
        this.result = result;
        this.rejectedOutput = rejectedOutput;
    }

    public JobResult result() {
        return result;
    }

    public String rejectedOutput() {
        return rejectedOutput;
    }
}
