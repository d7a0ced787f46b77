package io.chatprep.job.output;

import io.chatprep.job.tasks.EncodedRecord;
import io.chatprep.report.QuarantineReason;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's quarantine table gathered while rows are encoded: per distinct stage and reason, the first row by
 * source position, with its raw text cut to what the page shows. The same rows as a
 * {@code groupBy(stage, reason)} over the quarantine files keeping {@code min(struct(source_file,
 * source_position, ...))}, so the report needs no second pass over them. Counts come from {@link RunStats}.
 */
final class QuarantineDigest implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The page shows this many characters of a raw row; one more tells it the row was longer. */
    private final int rawChars;
    private final TreeMap<String, TreeMap<String, First>> first = new TreeMap<>();

    QuarantineDigest(int rawChars) {
        this.rawChars = rawChars;
    }

    /** The first row of one reason; file and position compared as Spark compares strings (UTF-8 bytes). */
    record First(String file, long position, String id, String raw) implements Serializable {
        static final Comparator<First> ORDER = (Comparator<First> & Serializable) (a, b) -> {
            int c = Arrays.compareUnsigned(a.file.getBytes(StandardCharsets.UTF_8), b.file.getBytes(StandardCharsets.UTF_8));
            return c != 0 ? c : Long.compare(a.position, b.position);
        };
    }

    /** {@code reason} as {@link RunStats} keeps it (over its limit, rows share one "other reasons" entry). */
    void add(EncodedRecord r, String reason) {
        String raw = r.raw() == null || r.raw().length() <= rawChars ? r.raw() : r.raw().substring(0, rawChars + 1);
        keep(r.stage(), reason, new First(r.key().file(), r.key().position(), r.id(), raw));
    }

    private void keep(String stage, String reason, First f) {
        first.computeIfAbsent(stage, k -> new TreeMap<>())
                .merge(reason, f, (a, b) -> First.ORDER.compare(a, b) <= 0 ? a : b);
    }

    void merge(QuarantineDigest o) {
        o.first.forEach((stage, reasons) -> reasons.forEach((reason, f) -> keep(stage, reason, f)));
    }

    /** The most frequent {@code max} reasons (ties by stage, then reason) with their first rows. */
    List<QuarantineReason> reasons(Map<String, TreeMap<String, Long>> counts, int max) {
        List<QuarantineReason> out = new ArrayList<>();
        counts.forEach((stage, reasons) -> reasons.forEach((reason, n) -> {
            First f = first.getOrDefault(stage, new TreeMap<>()).get(reason);
            out.add(new QuarantineReason(stage, reason, n, f == null ? null : f.id(), f == null ? null : f.raw()));
        }));
        out.sort(Comparator.comparingLong(QuarantineReason::rows).reversed()
                .thenComparing(QuarantineReason::stage, QuarantineDigest::utf8Order)
                .thenComparing(QuarantineReason::reason, QuarantineDigest::utf8Order));
        return out.subList(0, Math.min(max, out.size()));
    }

    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
