package io.chatprep.report;

import io.chatprep.job.layout.OutputSchema;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

/**
 * Everything the report plots, computed by Spark over the written files: only bin counts, per-source sums,
 * one row per quarantine reason and a few sample rows reach the driver, whatever the size of the run.
 */
public final class ReportAggregates {
    static final int LENGTH_BINS = 40;
    static final int SHARE_BINS = 20;
    static final int MAX_SOURCES = 12;
    static final int MAX_REASONS = 100;
    static final int SAMPLE_ROWS = 3;
    /** Candidates kept for topping up the samples when there are fewer sources than samples. */
    static final int TOP_UP_ROWS = 2 * SAMPLE_ROWS;
    /** Samples longer than this are skipped when shorter ones exist: the page should stay readable. */
    static final int SAMPLE_MAX_TOKENS = 1500;
    static final String OTHER_SOURCES = "(other sources)";
    /**
     * A row id without its trailing position ({@code file.jsonl:1234}, {@code gsm8k-train-17}) names the file
     * or dataset it came from; the written rows carry no other trace of their source.
     */
    static final String SOURCE_OF_ID = "regexp_replace(id, '([:#/_.-]?[0-9]+)+$', '')";

    private final SparkSession spark;
    private final Path output;
    private final boolean packed;
    private final Path dataDir;
    /** Whether there are data files; they are opened as a Dataset only when something must be read from them. */
    private final boolean hasData;
    private Dataset<Row> data;
    /** The length the rows are bounded by ({@code max_length}, or {@code pack_length} for packs), if any. */
    private final Integer bound;

    /** The longest row's length from the manifest, when known: saves a pass over the data. */
    private final Long longestRow;

    public ReportAggregates(SparkSession spark, Path output, Integer bound) {
        this(spark, output, bound, null);
    }

    /** The written rows' digest gathered by the run, when it has one; else the files are aggregated. */
    private final RowDigest digest;

    public ReportAggregates(SparkSession spark, Path output, Integer bound, Long longestRow) {
        this(spark, output, bound, longestRow, null);
    }

    public ReportAggregates(SparkSession spark, Path output, Integer bound, Long longestRow, RowDigest digest) {
        this.spark = spark;
        this.output = output;
        this.bound = bound;
        this.longestRow = longestRow;
        this.digest = digest;
        this.dataDir = new Path(output, "data");
        this.hasData = exists(dataDir);
        this.packed = hasData && firstFileHasColumn("ids");
    }

    public boolean packed() {
        return packed;
    }

    /** Rows (or packs) by length, in round-width bins reaching past both the longest one and {@code bound}. */
    public Histogram lengths() {
        return scan().lengths();
    }

    /** Rows by the share of their tokens that are trained, in 5% bins (a fully trained row joins the last). */
    public Histogram trainedShare() {
        return scan().share();
    }

    /** Trained and untrained tokens per source (see {@link #SOURCE_OF_ID}); the smallest are summed as one. */
    public List<SourceTokens> sources() {
        return packed ? List.of() : scan().sources();
    }

    private Scan scan;

    /** The histograms, per-source sums and sample picks of unpacked output. */
    private record Scan(Histogram lengths, Histogram share, List<SourceTokens> sources, List<String> readablePicks,
                        List<String> anyPicks) {
    }

    /** Length, share and source groups from the run's digest when there is one, else from the files. */
    private Scan scan() {
        if (scan != null) {
            return scan;
        }
        long longest = 0;
        if (hasData && longestRow != null) {
            // A pack is never longer than the pack length or, when a long row was kept, than that row alone.
            longest = longestRow;
        } else if (hasData) {
            Row top = data().agg(org.apache.spark.sql.functions.max("num_tokens")).first();
            longest = top.isNullAt(0) ? 0 : top.getInt(0);
        }
        long upper = Math.max(longest, bound == null ? 0 : bound);
        long width = Histogram.niceWidth(upper + 1, LENGTH_BINS);
        int lengthBins = (int) (upper / width) + 1;
        if (!hasData) {
            scan = new Scan(new Histogram(width, new long[lengthBins]), new Histogram(1.0 / SHARE_BINS,
                    new long[SHARE_BINS]), List.of(), List.of(), List.of());
            return scan;
        }
        List<long[]> lengthCounts = new ArrayList<>();
        List<long[]> shareCounts = new ArrayList<>();
        List<SourceGroup> sourceRows = new ArrayList<>();
        if (!packed && digest != null && digest.complete()) {
            fromDigest(width, lengthCounts, shareCounts, sourceRows);
        } else {
            fromFiles(width, lengthCounts, shareCounts, sourceRows);
        }
        // Largest sources first (by tokens for the chart, by rows for the samples), ties by name.
        sourceRows.sort(java.util.Comparator.<SourceGroup>comparingLong(r -> -(r.trained() + r.untrained()))
                .thenComparing(SourceGroup::name));
        List<SourceTokens> sources = new ArrayList<>();
        long[] other = new long[3];
        for (int i = 0; i < sourceRows.size(); i++) {
            SourceGroup r = sourceRows.get(i);
            String name = r.name().isEmpty() ? "(ids without a name)" : r.name();
            if (i < MAX_SOURCES - 1 || sourceRows.size() == MAX_SOURCES) {
                sources.add(new SourceTokens(name, r.rows(), r.trained(), r.untrained()));
            } else {
                other[0] += r.rows();
                other[1] += r.trained();
                other[2] += r.untrained();
            }
        }
        if (other[0] > 0) {
            sources.add(new SourceTokens(OTHER_SOURCES, other[0], other[1], other[2]));
        }
        List<SourceGroup> byRows = new ArrayList<>(sourceRows);
        byRows.sort(java.util.Comparator.<SourceGroup>comparingLong(r -> -r.rows()).thenComparing(SourceGroup::name));
        scan = new Scan(Histogram.of(width, lengthBins, lengthCounts), Histogram.of(1.0 / SHARE_BINS, SHARE_BINS,
                shareCounts), sources, picks(byRows, true), picks(byRows, false));
        return scan;
    }

    /** One source's sums and sample picks (null when it has no such row). */
    private record SourceGroup(String name, long rows, long trained, long untrained, String readablePick,
                               String anyPick) {
    }

    /**
     * One pass over the row statistics (never the token arrays) with grouping sets: the length bins, the share
     * bins and the sources come back as separate groups of one aggregation, so the data is read once.
     */
    private void fromFiles(long width, List<long[]> lengthCounts, List<long[]> shareCounts,
                           List<SourceGroup> sourceRows) {
        String id = packed ? "ids[0]" : "id";
        String view = "chatprep_report_" + java.util.UUID.randomUUID().toString().replace("-", "");
        data().selectExpr(id + " AS id", "num_tokens", "num_trained_tokens",
                "num_tokens div " + width + " AS len_bin",
                "if(num_tokens = 0, 0, (cast(num_trained_tokens as bigint) * " + SHARE_BINS + ") div num_tokens)"
                        + " AS share_bin",
                (packed ? "''" : SOURCE_OF_ID.replace("(id,", "(" + id + ",")) + " AS source")
                .createOrReplaceTempView(view);
        List<Row> groups;
        try {
            groups = spark.sql("SELECT grouping(len_bin), grouping(share_bin), grouping(source), len_bin, share_bin,"
                    + " source, count(1), sum(num_trained_tokens), sum(num_tokens - num_trained_tokens),"
                    + " min(if(num_trained_tokens > 0 AND num_tokens <= " + SAMPLE_MAX_TOKENS
                    + ", struct(xxhash64(id), id), null)),"
                    + " min(if(num_trained_tokens > 0, struct(xxhash64(id), id), null))"
                    + " FROM " + view + " GROUP BY GROUPING SETS ((len_bin), (share_bin), (source))")
                    .collectAsList();
        } finally {
            spark.catalog().dropTempView(view);
        }
        for (Row g : groups) {
            if (g.getByte(0) == 0) {
                lengthCounts.add(new long[] {g.getLong(3), g.getLong(6)});
            } else if (g.getByte(1) == 0) {
                shareCounts.add(new long[] {g.getLong(4), g.getLong(6)});
            } else {
                sourceRows.add(new SourceGroup(g.getString(5), g.getLong(6), g.getLong(7), g.getLong(8),
                        g.isNullAt(9) ? null : g.getStruct(9).getString(1),
                        g.isNullAt(10) ? null : g.getStruct(10).getString(1)));
            }
        }
    }

    /** The same groups from the run's digest and exact length counts: no Spark job. */
    private void fromDigest(long width, List<long[]> lengthCounts, List<long[]> shareCounts,
                            List<SourceGroup> sourceRows) {
        digest.lengths().forEach((length, rows) -> lengthCounts.add(new long[] {length / width, rows}));
        long[] share = digest.shareBins();
        for (int i = 0; i < share.length; i++) {
            if (share[i] > 0) {
                shareCounts.add(new long[] {i, share[i]});
            }
        }
        digest.sources().forEach((name, s) -> sourceRows.add(new SourceGroup(name, s.rows, s.trained, s.untrained,
                s.readable == null ? null : s.readable.id(), s.any == null ? null : s.any.id())));
    }

    private static List<String> picks(List<SourceGroup> sources, boolean readable) {
        List<String> ids = new ArrayList<>();
        for (SourceGroup r : sources) {
            String pick = readable ? r.readablePick() : r.anyPick();
            if (pick != null && ids.size() < SAMPLE_ROWS) {
                ids.add(pick);
            }
        }
        return ids;
    }

    /** Each distinct quarantine reason, most frequent first, with its first row by source position. */
    public List<QuarantineReason> quarantineReasons() {
        Path dir = new Path(output, "quarantine");
        if (!exists(dir)) {
            return List.of();
        }
        Dataset<Row> q = spark.read().schema(OutputSchema.quarantine()).json(dir.toString());
        List<QuarantineReason> out = new ArrayList<>();
        for (Row r : q.groupBy("stage", "reason")
                .agg(count(lit(1)).as("rows"),
                        min(struct(col("source_file"), col("source_position"), col("id"), col("raw"))).as("first"))
                .orderBy(col("rows").desc(), col("stage"), col("reason"))
                .limit(MAX_REASONS)
                .collectAsList()) {
            Row first = r.getStruct(3);
            out.add(new QuarantineReason(r.getString(0), r.getString(1), r.getLong(2), first.getString(2),
                    first.getString(3)));
        }
        return out;
    }

    /**
     * A few written rows with trained tokens, one from each of the largest sources where there are several,
     * preferring rows short enough to read; within a source the row is chosen by a hash of its id, so the choice
     * is stable across reruns yet not always the first row of a file. For packed output, the first sequence of
     * some packs.
     */
    public List<SampleInput> samples() {
        if (!hasData) {
            return List.of();
        }
        List<Row> rows;
        if (packed) {
            Dataset<Row> trained = data().where("num_trained_tokens > 0");
            rows = trained.where("num_tokens <= " + SAMPLE_MAX_TOKENS).limit(SAMPLE_ROWS).collectAsList();
            if (rows.size() < SAMPLE_ROWS) {
                rows = trained.limit(SAMPLE_ROWS).collectAsList();
            }
        } else {
            Scan s = scan();
            List<String> ids = new ArrayList<>(s.readablePicks().size() >= Math.min(SAMPLE_ROWS, s.anyPicks().size())
                    ? s.readablePicks() : s.anyPicks());
            if (ids.size() < SAMPLE_ROWS) {
                // Fewer sources than samples: top up with the rows of smallest pick over all sources.
                for (String id : topUp(true).size() >= SAMPLE_ROWS ? topUp(true) : topUp(false)) {
                    if (ids.size() < SAMPLE_ROWS && !ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
            List<SampleInput> held = digest != null && digest.complete() ? digest.rowsById(ids) : null;
            if (held != null) {
                return held;
            }
            rows = byId(ids);
        }
        List<SampleInput> out = new ArrayList<>();
        for (Row r : rows) {
            int[] ids = ints(r.getList(r.fieldIndex("input_ids")));
            int[] labels = ints(r.getList(r.fieldIndex("labels")));
            String id;
            if (packed) {
                List<Object> names = r.getList(r.fieldIndex("ids"));
                int first = ((Number) r.getList(r.fieldIndex("seq_lengths")).get(0)).intValue();
                id = names.get(0) + " (first of " + names.size() + " in a pack)";
                ids = java.util.Arrays.copyOf(ids, first);
                labels = java.util.Arrays.copyOf(labels, first);
            } else {
                id = r.getString(r.fieldIndex("id"));
            }
            out.add(new SampleInput(id, ids, labels));
        }
        return out;
    }

    /** Ids of the rows with the smallest (hash, id) over all written rows with trained tokens. */
    private List<String> topUp(boolean readable) {
        if (!packed && digest != null && digest.complete()) {
            return digest.firstPicks(readable);
        }
        return data().where("num_trained_tokens > 0" + (readable ? " AND num_tokens <= " + SAMPLE_MAX_TOKENS : ""))
                .selectExpr("xxhash64(id) AS h", "id").orderBy("h", "id").limit(TOP_UP_ROWS)
                .collectAsList().stream().map(r -> r.getString(1)).toList();
    }

    /** The rows with these ids, one per id (ids need not be unique in the data), in the order given. */
    private List<Row> byId(List<String> ids) {
        List<Row> picked = data().where(col("id").isin(ids.toArray())).collectAsList();
        List<Row> out = new ArrayList<>();
        for (String id : ids) {
            picked.stream().filter(r -> id.equals(r.getString(r.fieldIndex("id")))).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /** A sample's token ids and labels as written. */
    public record SampleInput(String id, int[] inputIds, int[] labels) {
    }

    private static int[] ints(List<Object> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).intValue();
        }
        return out;
    }

    private Dataset<Row> data() {
        if (data == null) {
            data = spark.read().parquet(dataDir.toString());
        }
        return data;
    }

    /** From one file's footer, without starting a Spark read: every data file of an output has the same columns. */
    private boolean firstFileHasColumn(String column) {
        try {
            FileSystem fs = dataDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (var status : fs.listStatus(dataDir)) {
                if (status.isFile() && status.getPath().getName().endsWith(".parquet")) {
                    try (var reader = io.chatprep.job.layout.ParquetFooters.open(status,
                            spark.sparkContext().hadoopConfiguration())) {
                        return reader.getFooter().getFileMetaData().getSchema().containsField(column);
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data files in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private boolean exists(Path dir) {
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(dir)) {
                return false;
            }
            for (var status : fs.listStatus(dir)) {
                if (status.isFile() && !status.getPath().getName().startsWith(".")
                        && !status.getPath().getName().startsWith("_")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
