package io.chatprep.job.tasks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rows encoded in this JVM so far, and the quarantined ones by stage. Accumulators reach the driver only when a
 * task ends; in local mode the tasks run in the driver's JVM, so these counts let progress lines (and the warning
 * about many quarantined rows) move while the first tasks still run. Readers subtract the counts a run started at.
 */
public final class LiveRowCount {
    private static final AtomicLong ROWS = new AtomicLong();
    private static final Map<String, LongAdder> QUARANTINED = new ConcurrentHashMap<>();

    private LiveRowCount() {
    }

    static void add(EncodedRecord r) {
        ROWS.incrementAndGet();
        if (r.outcome() == Outcome.QUARANTINED) {
            QUARANTINED.computeIfAbsent(r.stage(), k -> new LongAdder()).increment();
        }
    }

    public static long get() {
        return ROWS.get();
    }

    /** Quarantined rows per stage so far in this JVM. */
    public static Map<String, Long> quarantinedByStage() {
        Map<String, Long> out = new TreeMap<>();
        QUARANTINED.forEach((stage, n) -> out.put(stage, n.sum()));
        return out;
    }
}
