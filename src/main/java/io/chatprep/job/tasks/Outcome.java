package io.chatprep.job.tasks;

/** What became of an input row. Every row read ends as exactly one of these. */
public enum Outcome {
    WRITTEN,
    QUARANTINED,
    /** Longer than {@code max_length} under the {@code drop} policy. */
    FILTERED
}
