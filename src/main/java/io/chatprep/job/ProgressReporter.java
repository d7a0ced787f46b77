package io.chatprep.job;

import io.chatprep.job.tasks.LiveRowCount;
import io.chatprep.job.tasks.RowCounters;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkStatusTracker;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reports progress every few seconds while the job runs: the current step, Spark tasks done/total with an ETA
 * for the running stage, and rows encoded with their rate. On a terminal this is one line rewritten in place;
 * otherwise (a log file, a notebook) plain lines. On a cluster rows are counted as tasks finish, so the figure
 * moves in task-sized steps; in local mode it is live. The total row count is not known before encoding ends
 * (the input is not counted first), so the ETA follows the tasks.
 */
final class ProgressReporter implements AutoCloseable {
    /** Rows seen before the share of quarantined ones is worth a warning. */
    static final int WARN_AFTER_ROWS = 100;
    private final JavaSparkStatusTracker tracker;
    private final RowCounters counters;
    private final double maxQuarantineShare;
    private final Map<String, Long> liveQuarantinedBaseline = LiveRowCount.quarantinedByStage();
    private boolean warned;
    private final PrintStream out;
    private final long intervalMillis;
    private final long startNanos = System.nanoTime();
    private final long liveBaseline = LiveRowCount.get();
    private final Thread thread;
    private volatile String step = "starting";
    private volatile boolean running = true;
    private final boolean terminal;
    private int lastWidth;
    private String stageKey = "";
    private long stageStartNanos = System.nanoTime();

    /** Progress also goes to this logger (INFO lines, the quarantine warning at WARN), for logs and notebooks. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("io.chatprep");
    private final java.util.function.Consumer<Progress> listener;

    ProgressReporter(JavaSparkStatusTracker tracker, RowCounters counters, PrintStream out, int intervalSeconds,
                     double maxQuarantineShare, java.util.function.Consumer<Progress> listener) {
        this.listener = listener;
        this.tracker = tracker;
        this.counters = counters;
        this.maxQuarantineShare = maxQuarantineShare;
        this.out = out;
        this.intervalMillis = intervalSeconds * 1000L;
        this.terminal = out == System.out && System.console() != null;
        this.thread = new Thread(this::loop, "chatprep-progress");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void step(String name) {
        endStep();
        step = name;
        print();
    }

    /** Seconds per step, in order: where a run's time went, printed when it ends. */
    private final java.util.LinkedHashMap<String, Double> stepSeconds = new java.util.LinkedHashMap<>();
    private long stepStartNanos = startNanos;

    private synchronized void endStep() {
        long now = System.nanoTime();
        stepSeconds.merge(step, (now - stepStartNanos) / 1e9, Double::sum);
        stepStartNanos = now;
    }

    private String stepSummary() {
        StringBuilder b = new StringBuilder("chatprep: seconds per step:");
        stepSeconds.forEach((name, sec) -> b.append(String.format(Locale.ROOT, " %s %.1f;", name, sec)));
        b.setLength(b.length() - 1);
        return b.toString();
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

    private synchronized void print() {
        int done = 0;
        int total = 0;
        StringBuilder stages = new StringBuilder();
        for (int id : tracker.getActiveStageIds()) {
            SparkStageInfo info = tracker.getStageInfo(id);
            if (info != null) {
                done += info.numCompletedTasks();
                total += info.numTasks();
                stages.append(id).append(',');
            }
        }
        long now = System.nanoTime();
        if (!stages.toString().equals(stageKey)) {
            stageKey = stages.toString();
            stageStartNanos = now;
        }
        double seconds = (now - startNanos) / 1e9;
        long n = Math.max(counters.encoded().value(), LiveRowCount.get() - liveBaseline);
        String tasks = total > 0 ? String.format(Locale.ROOT, ", tasks %d/%d", done, total) : "";
        String eta = total > 0 && done > 0 && done < total
                ? String.format(Locale.ROOT, ", ETA %s", duration((now - stageStartNanos) / 1e9 * (total - done) / done))
                : "";
        String line = String.format(Locale.ROOT, "chatprep: %s%s%s, %,d rows encoded (%,.0f rows/s), %s",
                step, tasks, eta, n, seconds > 0 ? n / seconds : 0.0, duration(seconds));
        if (terminal) {
            // Pad over the previous, possibly longer, line; the cursor stays on it for the next update.
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.println(line);
        }
        LOG.info(line);
        long quarantined = warnOfQuarantine(n);
        out.flush();
        if (listener != null) {
            try {
                listener.accept(new Progress(step, done, total, n, quarantined, seconds, line));
            } catch (RuntimeException e) {
                // A notebook's listener must not stop the run it reports on.
                LOG.warn("progress listener failed: {}", e.toString());
            }
        }
    }

    /**
     * Once, early: a run whose rows are mostly rejected (a wrong template or column mapping, rows that hit the render
     * limits) will fail its quality gate at the end, and an hour may pass before then.
     */
    private long warnOfQuarantine(long rows) {
        Map<String, Long> byStage = new TreeMap<>();
        LiveRowCount.quarantinedByStage().forEach((stage, count) -> {
            long n = count - liveQuarantinedBaseline.getOrDefault(stage, 0L);
            if (n > 0) {
                byStage.put(stage, n);
            }
        });
        long live = byStage.values().stream().mapToLong(Long::longValue).sum();
        long quarantined = Math.max(counters.quarantined().value(), live);
        if (warned || rows < WARN_AFTER_ROWS || quarantined <= maxQuarantineShare * rows) {
            return quarantined;
        }
        warned = true;
        String stages = byStage.isEmpty() ? "" : ", by stage " + byStage.toString().replace("=", ": ")
                .replace("{", "").replace("}", "");
        if (terminal && lastWidth > 0) {
            out.println();
            lastWidth = 0;
        }
        String warning = String.format(Locale.ROOT, "chatprep: warning: %,d of the first %,d rows were quarantined "
                + "(%s%s), above max_quarantine_share %s: the run will fail unless later rows do better (--dry-run shows "
                + "the first rows' reasons)", quarantined, rows, QualityGate.percent((double) quarantined / rows), stages,
                QualityGate.percent(maxQuarantineShare));
        out.println(warning);
        LOG.warn(warning);
        return quarantined;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        endStep();
        synchronized (this) {
            if (terminal && lastWidth > 0) {
                out.println();
                lastWidth = 0;
            }
            out.println(stepSummary());
        }
    }
}
