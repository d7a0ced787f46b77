package io.chatprep.job.encode;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows encoded in this JVM so far. Accumulators reach the driver only when a task ends; in local mode the
 * tasks run in the driver's JVM, so this count lets progress lines move while the first tasks still run.
 */
public final class LiveRowCount {
    private static final AtomicLong ROWS = new AtomicLong();

    private LiveRowCount() {
    }

    static void add(long n) {
        ROWS.addAndGet(n);
    }

    public static long get() {
        return ROWS.get();
    }
}
