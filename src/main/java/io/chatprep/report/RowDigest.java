package io.chatprep.report;

import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.Platform;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the report needs from written rows, gathered while the job encodes them: trained-share bins and per-source
 * sums with the sample picks, with the same definitions as the Spark aggregation in {@link ReportAggregates}
 * ({@link ReportAggregates#SOURCE_OF_ID}, {@code xxhash64} picks), so a run's report costs no pass over its files.
 * Past {@link #MAX_SOURCES} distinct sources the digest gives up and the report aggregates the files instead.
 */
public final class RowDigest implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX_SOURCES = 10_000;
    /**
     * Up to this many sources, each pick keeps its row's tokens, so the report's samples need no read of the
     * files; past it, picks keep only their ids (the few top-up picks always keep their tokens).
     */
    static final int TOKEN_SOURCES = 64;
    /** Spark's {@code xxhash64} seed. */
    private static final long SEED = 42L;
    private static final Pattern TRAILING_POSITION = Pattern.compile("([:#/_.-]?[0-9]+)+$");

    private final long[] shareBins = new long[ReportAggregates.SHARE_BINS + 1];
    private final TreeMap<Integer, Long> lengths = new TreeMap<>();
    private TreeMap<String, Source> sources = new TreeMap<>();
    /** The smallest picks over all rows, readable ones and any: samples beyond one per source come from these. */
    private final java.util.TreeSet<Pick> firstReadable = new java.util.TreeSet<>(Pick.ORDER);
    private final java.util.TreeSet<Pick> firstAny = new java.util.TreeSet<>(Pick.ORDER);
    private boolean overflowed;
    private boolean sourceTokensDropped;

    /** One source's sums and its picks: the row with the smallest (hash, id), among readable rows and among all. */
    static final class Source implements Serializable {
        private static final long serialVersionUID = 1L;
        long rows;
        long trained;
        long untrained;
        Pick readable;
        Pick any;

        void merge(Source o) {
            rows += o.rows;
            trained += o.trained;
            untrained += o.untrained;
            readable = Pick.min(readable, o.readable);
            any = Pick.min(any, o.any);
        }
    }

    /** A picked row; its tokens are kept while few enough sources make that cheap (see {@link #TOKEN_SOURCES}). */
    record Pick(long hash, String id, int[] inputIds, int[] labels) implements Serializable {
        /** Spark's struct order: hash first, then the id's UTF-8 bytes, unsigned. */
        static final java.util.Comparator<Pick> ORDER = (java.util.Comparator<Pick> & Serializable) (a, b) ->
                a.hash != b.hash ? Long.compare(a.hash, b.hash) : Arrays.compareUnsigned(
                        a.id.getBytes(StandardCharsets.UTF_8), b.id.getBytes(StandardCharsets.UTF_8));

        static Pick of(String id, int[] inputIds, int[] labels) {
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            return new Pick(XXH64.hashUnsafeBytes(utf8, Platform.BYTE_ARRAY_OFFSET, utf8.length, SEED), id,
                    inputIds, labels);
        }

        Pick withoutTokens() {
            return inputIds == null ? this : new Pick(hash, id, null, null);
        }

        static Pick min(Pick a, Pick b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return ORDER.compare(a, b) <= 0 ? a : b;
        }
    }

    /** A written (unpacked) row; its arrays are kept by reference, never changed. */
    public void add(String id, int[] inputIds, int[] labels, int numTrained) {
        int numTokens = inputIds.length;
        int bin = numTokens == 0 ? 0 : (int) ((long) numTrained * ReportAggregates.SHARE_BINS / numTokens);
        shareBins[Math.min(bin, ReportAggregates.SHARE_BINS)]++;
        lengths.merge(numTokens, 1L, Long::sum);
        if (overflowed) {
            return;
        }
        Source s = sources.computeIfAbsent(TRAILING_POSITION.matcher(id).replaceAll(""), k -> new Source());
        s.rows++;
        s.trained += numTrained;
        s.untrained += numTokens - numTrained;
        if (numTrained > 0) {
            Pick p = Pick.of(id, inputIds, labels);
            Pick forSource = sources.size() <= TOKEN_SOURCES ? p : p.withoutTokens();
            s.any = Pick.min(s.any, forSource);
            keepFirst(firstAny, p);
            if (numTokens <= ReportAggregates.SAMPLE_MAX_TOKENS) {
                s.readable = Pick.min(s.readable, forSource);
                keepFirst(firstReadable, p);
            }
        }
        checkSize();
    }

    /** The written rows with these ids, when all of them are held here with their tokens; else null. */
    public java.util.List<ReportAggregates.SampleInput> rowsById(java.util.List<String> ids) {
        java.util.Map<String, Pick> held = new java.util.HashMap<>();
        java.util.function.Consumer<Pick> hold = p -> {
            if (p != null && p.inputIds() != null) {
                held.merge(p.id(), p, Pick::min);
            }
        };
        firstReadable.forEach(hold);
        firstAny.forEach(hold);
        sources.values().forEach(s -> {
            hold.accept(s.readable);
            hold.accept(s.any);
        });
        java.util.List<ReportAggregates.SampleInput> out = new java.util.ArrayList<>();
        for (String id : ids) {
            Pick p = held.get(id);
            if (p == null) {
                return null;
            }
            out.add(new ReportAggregates.SampleInput(id, p.inputIds(), p.labels()));
        }
        return out;
    }

    private static void keepFirst(java.util.TreeSet<Pick> first, Pick p) {
        first.add(p);
        if (first.size() > ReportAggregates.TOP_UP_ROWS) {
            first.pollLast();
        }
    }

    public void merge(RowDigest o) {
        for (int i = 0; i < shareBins.length; i++) {
            shareBins[i] += o.shareBins[i];
        }
        o.lengths.forEach((k, v) -> lengths.merge(k, v, Long::sum));
        // Either side may have kept tokens the merged digest is too large to keep.
        sourceTokensDropped = false;
        o.firstReadable.forEach(p -> keepFirst(firstReadable, p));
        o.firstAny.forEach(p -> keepFirst(firstAny, p));
        overflowed |= o.overflowed;
        if (!overflowed) {
            o.sources.forEach((name, s) -> sources.merge(name, s, (a, b) -> {
                Source m = new Source();
                m.merge(a);
                m.merge(b);
                return m;
            }));
            checkSize();
        }
    }

    private void checkSize() {
        if (sources.size() > MAX_SOURCES) {
            overflowed = true;
            sources = new TreeMap<>();
        } else if (sources.size() > TOKEN_SOURCES && !sourceTokensDropped) {
            sourceTokensDropped = true;
            for (Source s : sources.values()) {
                s.readable = s.readable == null ? null : s.readable.withoutTokens();
                s.any = s.any == null ? null : s.any.withoutTokens();
            }
        }
    }

    /** False when there were too many sources to keep: the report then aggregates the written files. */
    public boolean complete() {
        return !overflowed;
    }

    /** Share-bin index -> rows, as the Spark aggregation returns them. */
    long[] shareBins() {
        return shareBins;
    }

    /** Written-row length -> rows, ascending (also the run's length percentiles). */
    public java.util.NavigableMap<Integer, Long> lengths() {
        return java.util.Collections.unmodifiableNavigableMap(lengths);
    }

    /** Ids of the rows with the smallest picks, readable rows or any rows, in pick order. */
    java.util.List<String> firstPicks(boolean readable) {
        return (readable ? firstReadable : firstAny).stream().map(Pick::id).toList();
    }

    Map<String, Source> sources() {
        return sources;
    }
}
