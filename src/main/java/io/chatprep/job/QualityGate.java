package io.chatprep.job;

import io.chatprep.job.output.RunStats;

import java.util.Locale;
import java.util.Map;

/**
 * Whether a finished run did its job: it wrote rows, and quarantined no more than {@code max_quarantine_share} of the
 * rows it read. A run that fails this is not published (a scheduler sees exit code 5), because its data is most likely
 * the product of a wrong template, column mapping or role list rather than of a few broken rows.
 */
final class QualityGate {
    private QualityGate() {
    }

    /** Why the run fails the gate, in one sentence; null when it passes. */
    static String rejection(RunStats s, double maxShare) {
        if (s.written() == 0) {
            return String.format(Locale.ROOT, "no row was written: of %,d rows read, %,d were quarantined and %,d "
                    + "filtered as too long%s", s.read(), s.quarantined(), s.filtered(), mostFrequent(s));
        }
        if (s.quarantined() > maxShare * s.read()) {
            return String.format(Locale.ROOT, "%,d of %,d rows read were quarantined (%s), above max_quarantine_share "
                    + "%s%s", s.quarantined(), s.read(), percent((double) s.quarantined() / s.read()),
                    percent(maxShare), mostFrequent(s));
        }
        return null;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, share < 0.1 && share > 0 ? "%.1f%%" : "%.0f%%", 100 * share);
    }

    private static String mostFrequent(RunStats s) {
        String best = null;
        long most = 0;
        for (Map.Entry<String, java.util.TreeMap<String, Long>> stage : s.quarantinedByReason().entrySet()) {
            for (Map.Entry<String, Long> reason : stage.getValue().entrySet()) {
                if (reason.getValue() > most) {
                    most = reason.getValue();
                    best = stage.getKey() + ": " + reason.getKey();
                }
            }
        }
        if (best == null) {
            return "";
        }
        String shown = best.length() > 160 ? best.substring(0, 160) + "…" : best;
        return String.format(Locale.ROOT, "; most often (%,d rows) %s", most, shown);
    }
}
