package io.chatprep.job.tasks;

import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;

/**
 * Rows encoded and rows quarantined so far, for progress lines and the early warning when many rows are rejected.
 * Accumulators reach the driver only when a task ends; in local mode the tasks run in the driver's JVM, so
 * {@link LiveRowCount} lets the figures move while the first tasks still run.
 */
public record RowCounters(LongAccumulator encoded, LongAccumulator quarantined) implements Serializable {
    public static RowCounters register(SparkContext sc) {
        return new RowCounters(sc.longAccumulator("chatprep rows encoded"),
                sc.longAccumulator("chatprep rows quarantined"));
    }

    void count(EncodedRecord r) {
        encoded.add(1);
        LiveRowCount.add(r);
        if (r.outcome() == Outcome.QUARANTINED) {
            quarantined.add(1);
        }
    }
}
