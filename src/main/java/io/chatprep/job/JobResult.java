package io.chatprep.job;

import io.chatprep.job.output.RunStats;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a run did: counts that reconcile, token statistics, where the output went and how long it took. */
public record JobResult(String output, RunStats stats, long outputRows, int dataFiles, int quarantineFiles,
                        double seconds) {
    private static final int SUMMARY_REASONS = 10;

    public long rowsRead() {
        return stats.read();
    }

    public long rowsWritten() {
        return stats.written();
    }

    public long rowsQuarantined() {
        return stats.quarantined();
    }

    public long rowsFiltered() {
        return stats.filtered();
    }

    public long totalTokens() {
        return stats.totalTokens();
    }

    public long trainedTokens() {
        return stats.trainedTokens();
    }

    /** Quarantined rows per "stage: reason". */
    public Map<String, Long> quarantinedByReason() {
        Map<String, Long> m = new TreeMap<>();
        stats.quarantinedByReason().forEach((stage, reasons) -> reasons.forEach((r, n) -> m.put(stage + ": " + r, n)));
        return m;
    }

    /** The end-of-run summary table. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        line(b, "rows read", String.format(Locale.ROOT, "%,d", stats.read()));
        line(b, "rows written", String.format(Locale.ROOT, "%,d", stats.written())
                + (stats.truncated() > 0 ? String.format(Locale.ROOT, " (%,d truncated)", stats.truncated()) : ""));
        line(b, "rows quarantined", String.format(Locale.ROOT, "%,d", stats.quarantined()));
        // The most frequent reasons; manifest.json lists them all.
        var reasons = new java.util.ArrayList<>(quarantinedByReason().entrySet());
        reasons.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (var e : reasons.subList(0, Math.min(SUMMARY_REASONS, reasons.size()))) {
            line(b, "  " + shorten(e.getKey(), 90), String.format(Locale.ROOT, "%,d", e.getValue()));
        }
        if (reasons.size() > SUMMARY_REASONS) {
            line(b, "  (" + (reasons.size() - SUMMARY_REASONS) + " more reasons in manifest.json)", "");
        }
        line(b, "rows filtered (too long)", String.format(Locale.ROOT, "%,d", stats.filtered()));
        if (outputRows != stats.written()) {
            line(b, "output rows (packed)", String.format(Locale.ROOT, "%,d", outputRows));
        }
        line(b, "tokens", String.format(Locale.ROOT, "%,d", stats.totalTokens()));
        line(b, "trained tokens", String.format(Locale.ROOT, "%,d (%.1f%%)", stats.trainedTokens(),
                stats.totalTokens() == 0 ? 0.0 : 100.0 * stats.trainedTokens() / stats.totalTokens()));
        line(b, "length p50 / p95 / max", stats.lengthPercentile(0.5) + " / " + stats.lengthPercentile(0.95)
                + " / " + stats.maxLength());
        line(b, "data files", String.valueOf(dataFiles));
        line(b, "output", output);
        line(b, "seconds", String.format(Locale.ROOT, "%.1f", seconds));
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(String.format(Locale.ROOT, "  %-34s %s%n", name, value));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
