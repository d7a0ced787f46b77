package io.chatprep.job.tasks;

import java.io.Serializable;

/** Where a row came from; the order rows are written in, so reruns write the same files. */
public record RowKey(String file, long position) implements Comparable<RowKey>, Serializable {
    @Override
    public int compareTo(RowKey o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Long.compare(position, o.position);
    }

    /** A hash that is the same on every JVM and run (String.hashCode is specified), for shard assignment. */
    public int stableHash() {
        return 31 * file.hashCode() + Long.hashCode(position * 0x9E3779B97F4A7C15L);
    }
}
