package io.chatprep.job;

import io.chatprep.job.encode.LiveRowCount;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints one plain line every few seconds while the job runs: the current step, Spark tasks done/total and
 * rows encoded with their rate. On a cluster rows are counted as tasks finish, so the figure moves in
 * task-sized steps; in local mode it is live.
 */
final class ProgressReporter implements AutoCloseable {
    private final JavaSparkStatusTracker tracker;
    private final LongAccumulator rows;
    private final PrintStream out;
    private final long intervalMillis;
    private final long startNanos = System.nanoTime();
    private final long liveBaseline = LiveRowCount.get();
    private final Thread thread;
    private volatile String step = "starting";
    private volatile boolean running = true;

    ProgressReporter(JavaSparkStatusTracker tracker, LongAccumulator rows, PrintStream out, int intervalSeconds) {
        this.tracker = tracker;
        this.rows = rows;
        this.out = out;
        this.intervalMillis = intervalSeconds * 1000L;
        this.thread = new Thread(this::loop, "chatprep-progress");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void step(String name) {
        step = name;
        print();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                print();
            }
        }
    }

    private void print() {
        int done = 0;
        int total = 0;
        for (int id : tracker.getActiveStageIds()) {
            SparkStageInfo info = tracker.getStageInfo(id);
            if (info != null) {
                done += info.numCompletedTasks();
                total += info.numTasks();
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long n = Math.max(rows.value(), LiveRowCount.get() - liveBaseline);
        String tasks = total > 0 ? String.format(Locale.ROOT, ", tasks %d/%d", done, total) : "";
        out.printf(Locale.ROOT, "chatprep: %s%s, %,d rows encoded (%,.0f rows/s), %.0fs%n",
                step, tasks, n, seconds > 0 ? n / seconds : 0.0, seconds);
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
