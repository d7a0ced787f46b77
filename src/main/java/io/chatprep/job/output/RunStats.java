package io.chatprep.job.output;

import io.chatprep.job.tasks.EncodedRecord;
import io.chatprep.report.QuarantineReason;
import io.chatprep.report.RowDigest;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Counts and token statistics of a run, built per partition and merged. Written-row lengths come from the
 * digest's histogram (few distinct values), so percentiles are exact at any scale.
 */
public final class RunStats implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Distinct quarantine reasons kept by name; beyond that they are counted under their stage only. */
    static final int MAX_REASONS = 200;
    static final String OTHER_REASONS = "(other reasons)";

    long read;
    long written;
    long quarantined;
    long filtered;
    long truncated;
    long totalTokens;
    long trainedTokens;
    final TreeMap<String, Long> quarantinedByStage = new TreeMap<>();
    final TreeMap<String, TreeMap<String, Long>> quarantinedByReason = new TreeMap<>();
    final RowDigest digest = new RowDigest();
    final QuarantineDigest quarantine = new QuarantineDigest(QuarantineReason.RAW_PREVIEW_CHARS);

    public static Iterator<RunStats> ofPartition(Iterator<EncodedRecord> records) {
        RunStats s = new RunStats();
        while (records.hasNext()) {
            s.add(records.next());
        }
        return List.of(s).iterator();
    }

    void add(EncodedRecord r) {
        read++;
        switch (r.outcome()) {
            case WRITTEN -> {
                written++;
                totalTokens += r.numTokens();
                trainedTokens += r.numTrainedTokens();
                digest.add(r.id(), r.inputIds(), r.labels(), r.numTrainedTokens());
                if (r.truncated()) {
                    truncated++;
                }
            }
            case FILTERED -> filtered++;
            case QUARANTINED -> {
                quarantined++;
                quarantinedByStage.merge(r.stage(), 1L, Long::sum);
                quarantine.add(r, addReason(r.stage(), r.reason(), 1L));
            }
        }
    }

    /** Counts one reason's rows; returns the name it is kept under. */
    private String addReason(String stage, String reason, long n) {
        TreeMap<String, Long> reasons = quarantinedByReason.computeIfAbsent(stage, k -> new TreeMap<>());
        String r = reasons.containsKey(reason) || reasons.size() < MAX_REASONS ? reason : OTHER_REASONS;
        reasons.merge(r, n, Long::sum);
        return r;
    }

    public static RunStats merge(RunStats a, RunStats b) {
        RunStats m = new RunStats();
        for (RunStats s : List.of(a, b)) {
            m.read += s.read;
            m.written += s.written;
            m.quarantined += s.quarantined;
            m.filtered += s.filtered;
            m.truncated += s.truncated;
            m.totalTokens += s.totalTokens;
            m.trainedTokens += s.trainedTokens;
            s.quarantinedByStage.forEach((k, v) -> m.quarantinedByStage.merge(k, v, Long::sum));
            s.quarantinedByReason.forEach((stage, reasons) -> reasons.forEach((r, n) -> m.addReason(stage, r, n)));
            m.digest.merge(s.digest);
            m.quarantine.merge(s.quarantine);
        }
        return m;
    }

    /** Every row read is written, quarantined or filtered; anything else is a bug that must stop the run. */
    public void assertReconciled() {
        if (read != written + quarantined + filtered) {
            throw new IllegalStateException("row counts do not reconcile: read " + read + " != written " + written
                    + " + quarantined " + quarantined + " + filtered " + filtered);
        }
    }

    /** The smallest length with at least {@code q} of written rows at or below it (nearest-rank). */
    public int lengthPercentile(double q) {
        if (written == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * written));
        long seen = 0;
        NavigableMap<Integer, Long> lengths = digest.lengths();
        for (Map.Entry<Integer, Long> e : lengths.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return lengths.lastKey();
    }

    public int maxLength() {
        NavigableMap<Integer, Long> lengths = digest.lengths();
        return lengths.isEmpty() ? 0 : lengths.lastKey();
    }

    /**
     * The report's quarantine table: the most frequent {@code max} reasons with their first rows. Exact while every
     * reason is kept by name; with more than {@link #MAX_REASONS} in a stage, null (the report reads the files).
     */
    public java.util.List<QuarantineReason> quarantineReasons(int max) {
        for (Map<String, Long> reasons : quarantinedByReason.values()) {
            if (reasons.containsKey(OTHER_REASONS)) {
                return null;
            }
        }
        return quarantine.reasons(quarantinedByReason, max);
    }

    /** The report's view of the written rows (unpacked rows; packs are aggregated from the files). */
    public RowDigest digest() {
        return digest;
    }

    public long read() {
        return read;
    }

    public long written() {
        return written;
    }

    public long quarantined() {
        return quarantined;
    }

    public long filtered() {
        return filtered;
    }

    public long truncated() {
        return truncated;
    }

    public long totalTokens() {
        return totalTokens;
    }

    public long trainedTokens() {
        return trainedTokens;
    }

    public Map<String, Long> quarantinedByStage() {
        return quarantinedByStage;
    }

    public Map<String, TreeMap<String, Long>> quarantinedByReason() {
        return quarantinedByReason;
    }
}
