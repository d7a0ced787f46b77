package io.chatprep.job.output;

import java.io.Serializable;
import java.util.List;

/**
 * What one successful task wrote: its data files of the train split and of the held-out test split (names inside
 * its attempt directory, in order) with their row counts, its quarantine file if any, and the counts of every row it
 * saw.
 */
record ShardResult(int partition, String attemptDir, List<String> dataFiles, List<Long> dataRows,
                   List<String> testFiles, List<Long> testRows, String quarantineFile, RunStats stats)
        implements Serializable {
}
