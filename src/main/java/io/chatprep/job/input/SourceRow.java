package io.chatprep.job.input;

import java.io.Serializable;

/**
 * One input row before encoding: where it came from and its exact source text (a JSONL line, or the JSON
 * of a Parquet row). {@code parsed} is already set for Parquet rows; JSONL lines are parsed on the executor.
 * {@code unreadable}, when set, says why the row cannot be read at all (bytes that are not UTF-8, JSON-typed Parquet
 * text that does not decode); such a row is quarantined at stage {@code parse}.
 */
public record SourceRow(String file, long position, String raw, Object parsed, String unreadable)
        implements Serializable {

    /** The {@code file} of rows that come from a DataFrame rather than a file. */
    public static final String DATAFRAME = "dataframe";

    public SourceRow(String file, long position, String raw, Object parsed) {
        this(file, position, raw, parsed, null);
    }

    /**
     * The stable row id used when the input has no id column: the file and the byte offset or row index. The file is
     * named by its path below {@code directory} (the directory all of a run's input files share, see
     * {@link InputReader.InputFiles#commonDirectory()}), so files of one name in different subdirectories give
     * different ids; outside it, or without one, by its name alone.
     */
    public String derivedId(String directory) {
        String name;
        if (directory != null && !directory.isEmpty() && file.startsWith(directory)) {
            name = file.substring(directory.length());
        } else {
            int slash = file.lastIndexOf('/');
            name = slash >= 0 ? file.substring(slash + 1) : file;
        }
        return name + ":" + position;
    }
}
