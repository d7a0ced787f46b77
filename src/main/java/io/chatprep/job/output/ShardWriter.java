package io.chatprep.job.output;

import io.chatprep.job.layout.ImageColumns;
import io.chatprep.job.layout.ParquetFooters;
import io.chatprep.job.tasks.EncodedRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the encoded records in one pass, as they are encoded: training rows to {@code data/*.parquet}, rejected
 * rows to {@code quarantine/*.jsonl}, every row counted on the way. Without a shard count each partition is
 * written where it was encoded (one or more files per input split, rows in source order); with one, rows are
 * first spread over exactly that many shards by a hash of their source position and sorted by it inside each.
 * Data files are named as HF {@code datasets} names splits ({@code data/train-NNNNN-of-MMMMM.parquet}, and
 * {@code data/test-...} for rows held out by {@code eval_share}), quarantine files {@code part-NNNNN-of-MMMMM.jsonl},
 * all in partition order. Same input and settings give byte-identical files.
 */
public final class ShardWriter {
    private final SparkSession spark;
    private final OutputTarget target;

    public ShardWriter(SparkSession spark, OutputTarget target) {
        this.spark = spark;
        this.target = target;
    }

    /**
     * What the write produced, with the counts of every row read; {@code testRows} of the {@code outputRows} are in
     * the held-out split.
     */
    public record Written(RunStats stats, int dataFiles, long outputRows, long testRows, int quarantineFiles) {
        /** Rows in the data files per split: {@code train}, then {@code test} when rows were held out for it. */
        public Map<String, Long> splits(double evalShare) {
            Map<String, Long> splits = new LinkedHashMap<>();
            splits.put(EvalSplit.TRAIN, outputRows - testRows);
            if (evalShare > 0) {
                splits.put(EvalSplit.TEST, testRows);
            }
            return splits;
        }
    }

    public Written write(JavaRDD<EncodedRecord> encoded, Integer shards, int rowsPerFile, Integer packLength,
                         boolean assistantMasks, ImageColumns images, double evalShare) {
        JavaRDD<EncodedRecord> partitions = shards == null ? encoded : sortedShards(encoded, shards);
        Path tasks = new Path(target.staging(), "_tasks");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(
                new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
        List<ShardResult> results;
        try {
            results = new ArrayList<>(partitions.mapPartitionsWithIndex(new ShardTask(tasks.toString(), conf,
                    shards == null ? rowsPerFile : null, packLength, assistantMasks, images, evalShare), false).collect());
        } finally {
            conf.destroy();
        }
        results.sort(Comparator.comparingInt(ShardResult::partition));
        RunStats stats = new RunStats();
        List<Path> data = new ArrayList<>();
        List<Path> test = new ArrayList<>();
        List<Path> quarantine = new ArrayList<>();
        long declared = 0;
        long testRows = 0;
        for (ShardResult r : results) {
            stats = RunStats.merge(stats, r.stats());
            Path dir = new Path(tasks, r.attemptDir());
            r.dataFiles().forEach(name -> data.add(new Path(dir, name)));
            r.testFiles().forEach(name -> test.add(new Path(dir, name)));
            declared += r.dataRows().stream().mapToLong(Long::longValue).sum();
            testRows += r.testRows().stream().mapToLong(Long::longValue).sum();
            if (r.quarantineFile() != null) {
                quarantine.add(new Path(dir, r.quarantineFile()));
            }
        }
        Path dataDir = new Path(target.staging(), "data");
        // A split without rows still gets a file with the schema, so that every reader finds the splits it was told of.
        if (data.isEmpty()) {
            data.add(empty(new Path(tasks, "empty-train.parquet"), packLength, assistantMasks, images));
        }
        if (evalShare > 0 && test.isEmpty()) {
            test.add(empty(new Path(tasks, "empty-test.parquet"), packLength, assistantMasks, images));
        }
        moveInOrder(data, dataDir, EvalSplit.TRAIN, ".parquet");
        moveInOrder(test, dataDir, EvalSplit.TEST, ".parquet");
        moveInOrder(quarantine, new Path(target.staging(), "quarantine"), "part", ".jsonl");
        delete(tasks);
        long outputRows = rowsInFooters(dataDir);
        if (outputRows != declared + testRows) {
            throw new IllegalStateException("the data files hold " + outputRows + " rows but the tasks wrote "
                    + (declared + testRows));
        }
        return new Written(stats, data.size() + test.size(), outputRows, testRows, quarantine.size());
    }

    private static JavaRDD<EncodedRecord> sortedShards(JavaRDD<EncodedRecord> records, int shards) {
        return records.mapToPair(r -> new scala.Tuple2<>(r.key(), r))
                .repartitionAndSortWithinPartitions(new ShardPartitioner(shards))
                .values();
    }

    private Path empty(Path file, Integer packLength, boolean assistantMasks, ImageColumns images) {
        try {
            ShardTask.writeEmpty(file, spark.sparkContext().hadoopConfiguration(), packLength != null, assistantMasks,
                    images);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an empty data file: " + e.getMessage(), e);
        }
        return file;
    }

    /** Gives the kept attempts' files dense, ordered names; attempts that lost are deleted with their directory. */
    private void moveInOrder(List<Path> files, Path to, String prefix, String extension) {
        if (files.isEmpty()) {
            return;
        }
        FileSystem fs = target.fs();
        try {
            fs.mkdirs(to);
            for (int i = 0; i < files.size(); i++) {
                Path dest = new Path(to, String.format("%s-%05d-of-%05d%s", prefix, i, files.size(), extension));
                if (!fs.rename(files.get(i), dest)) {
                    throw new IOException("rename " + files.get(i) + " -> " + dest + " failed");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot arrange output files in " + to + ": " + e.getMessage(), e);
        }
    }

    private void delete(Path dir) {
        try {
            target.fs().delete(dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The row count the written files declare, from their footers: an independent check of the write that
     * costs one small read per file instead of a Spark job.
     */
    private long rowsInFooters(Path dir) {
        long rows = 0;
        try {
            if (!target.fs().exists(dir)) {
                return 0;
            }
            for (FileStatus s : target.fs().listStatus(dir)) {
                if (s.getPath().getName().endsWith(".parquet")) {
                    try (ParquetFileReader reader = ParquetFooters.open(s, spark.sparkContext().hadoopConfiguration())) {
                        rows += reader.getRecordCount();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the data files in " + dir + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
