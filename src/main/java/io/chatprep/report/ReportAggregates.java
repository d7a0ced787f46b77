package io.chatprep.report;

import io.chatprep.job.output.OutputSchema;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

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
    private final Dataset<Row> data;

    public ReportAggregates(SparkSession spark, Path output) {
        this.spark = spark;
        this.output = output;
        Path dataDir = new Path(output, "data");
        this.data = exists(dataDir) ? spark.read().parquet(dataDir.toString()) : null;
        this.packed = data != null && List.of(data.columns()).contains("ids");
    }

    public boolean packed() {
        return packed;
    }

    /** Rows (or packs) by length, in round-width bins reaching past both the longest one and {@code bound}. */
    public Histogram lengths(Integer bound) {
        long longest = 0;
        if (data != null) {
            Row r = data.agg(org.apache.spark.sql.functions.max("num_tokens")).first();
            longest = r.isNullAt(0) ? 0 : r.getInt(0);
        }
        long upper = Math.max(longest, bound == null ? 0 : bound);
        long width = Histogram.niceWidth(upper + 1, LENGTH_BINS);
        int bins = (int) (upper / width) + 1;
        if (data == null) {
            return new Histogram(width, new long[bins]);
        }
        return Histogram.of(width, bins, indexCounts(data.select(expr("num_tokens div " + width).as("bin"))));
    }

    /** Rows by the share of their tokens that are trained, in 5% bins (a fully trained row joins the last). */
    public Histogram trainedShare() {
        if (data == null) {
            return new Histogram(1.0 / SHARE_BINS, new long[SHARE_BINS]);
        }
        Column bin = expr("if(num_tokens = 0, 0, (cast(num_trained_tokens as bigint) * " + SHARE_BINS
                + ") div num_tokens)");
        return Histogram.of(1.0 / SHARE_BINS, SHARE_BINS, indexCounts(data.select(bin.as("bin"))));
    }

    private static List<long[]> indexCounts(Dataset<Row> bins) {
        List<long[]> out = new ArrayList<>();
        for (Row r : bins.groupBy("bin").count().collectAsList()) {
            out.add(new long[] {r.getLong(0), r.getLong(1)});
        }
        return out;
    }

    /** Trained and untrained tokens per source (see {@link #SOURCE_OF_ID}); the smallest are summed as one. */
    public List<SourceTokens> sources() {
        if (data == null || packed) {
            return List.of();
        }
        List<Row> rows = data.select(expr(SOURCE_OF_ID).as("source"), col("num_tokens"), col("num_trained_tokens"))
                .groupBy("source")
                .agg(count(lit(1)).as("rows"), sum("num_trained_tokens").as("trained"),
                        sum(expr("num_tokens - num_trained_tokens")).as("untrained"))
                .orderBy(expr("trained + untrained").desc(), col("source"))
                .collectAsList();
        List<SourceTokens> out = new ArrayList<>();
        long[] other = new long[3];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String name = r.getString(0).isEmpty() ? "(ids without a name)" : r.getString(0);
            if (i < MAX_SOURCES - 1 || rows.size() == MAX_SOURCES) {
                out.add(new SourceTokens(name, r.getLong(1), r.getLong(2), r.getLong(3)));
            } else {
                other[0] += r.getLong(1);
                other[1] += r.getLong(2);
                other[2] += r.getLong(3);
            }
        }
        if (other[0] > 0) {
            out.add(new SourceTokens(OTHER_SOURCES, other[0], other[1], other[2]));
        }
        return out;
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
        if (data == null) {
            return List.of();
        }
        Dataset<Row> trained = data.where("num_trained_tokens > 0");
        Dataset<Row> readable = trained.where("num_tokens <= " + SAMPLE_MAX_TOKENS);
        List<Row> rows = packed ? readable.limit(SAMPLE_ROWS).collectAsList() : onePerSource(readable);
        if (rows.size() < SAMPLE_ROWS) {
            rows = packed ? trained.limit(SAMPLE_ROWS).collectAsList() : onePerSource(trained);
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

    /**
     * Up to {@link #SAMPLE_ROWS} rows, one per source, largest sources first (topped up from the first rows when
     * there are fewer sources). Only ids travel through the aggregation; the chosen rows are then read by id.
     */
    private static List<Row> onePerSource(Dataset<Row> rows) {
        List<String> ids = new ArrayList<>();
        for (Row r : rows.groupBy(expr(SOURCE_OF_ID).as("source"))
                .agg(count(lit(1)).as("n"), min(struct(expr("xxhash64(id)"), col("id"))).as("pick"))
                .orderBy(col("n").desc(), col("source"))
                .limit(SAMPLE_ROWS)
                .collectAsList()) {
            ids.add(r.getStruct(2).getString(1));
        }
        if (ids.size() < SAMPLE_ROWS) {
            for (Row r : rows.select("id").limit(2 * SAMPLE_ROWS).collectAsList()) {
                if (ids.size() < SAMPLE_ROWS && !ids.contains(r.getString(0))) {
                    ids.add(r.getString(0));
                }
            }
        }
        List<Row> picked = new ArrayList<>(rows.where(col("id").isin(ids.toArray())).collectAsList());
        // Ids need not be unique in the data; keep one row per id, in the order chosen.
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
