package io.chatprep.job;

/**
 * One progress report of a running job, as the progress line shows it and a notebook's listener receives it
 * ({@code ChatPrep.builder(spark).progressListener(p -> ...)}): the current step, Spark tasks done of the running
 * stages, rows encoded and quarantined so far, and seconds since the run started.
 */
public record Progress(String step, int tasksDone, int tasksTotal, long rowsEncoded, long rowsQuarantined,
                       double seconds, String line) {
}
