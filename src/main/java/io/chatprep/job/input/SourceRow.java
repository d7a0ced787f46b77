package io.chatprep.job.input;

import java.io.Serializable;

/**
 * One input row before encoding: where it came from and its exact source text (a JSONL line, or the JSON
 * of a Parquet row). {@code parsed} is already set for Parquet rows; JSONL lines are parsed on the executor.
 */
public record SourceRow(String file, long position, String raw, Object parsed) implements Serializable {

    /** The stable row id used when the input has no id column: file name and byte offset or row index. */
    public String derivedId() {
        int slash = file.lastIndexOf('/');
        return (slash >= 0 ? file.substring(slash + 1) : file) + ":" + position;
    }
}
