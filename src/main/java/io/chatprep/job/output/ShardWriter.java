package io.chatprep.job.output;

import io.chatprep.job.encode.EncodedRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes records as shards in a fixed order, either as encoded (one or more files per input split, rows in source
 * order) or spread over a set number of shards (each row goes to the shard its source position hashes to, sorted
 * by source position inside it); packing happens inside each file's rows. Files get names
 * {@code part-NNNNN-of-MMMMM.<ext>}. Same input and settings give byte-identical files.
 */
public final class ShardWriter {
    private final SparkSession spark;
    private final OutputTarget target;

    public ShardWriter(SparkSession spark, OutputTarget target) {
        this.spark = spark;
        this.target = target;
    }

    /**
     * Training rows to {@code data/*.parquet}; returns the number of files and of output rows. With a shard count,
     * rows are spread over exactly that many files by a hash of their source position (a shuffle); without one,
     * each partition is written where it was encoded, in source order, {@code rowsPerFile} rows at most per file.
     */
    public long[] writeData(JavaRDD<EncodedRecord> written, Integer shards, int rowsPerFile, Integer packLength,
                            boolean assistantMasks) {
        RowBuilder builder = new RowBuilder(assistantMasks);
        JavaRDD<EncodedRecord> sorted = shards == null ? written : sortedShards(written, shards);
        JavaRDD<Row> rows;
        if (packLength == null) {
            rows = sorted.map(builder::single);
        } else {
            int length = packLength;
            rows = sorted.mapPartitions((Iterator<EncodedRecord> it) -> {
                List<EncodedRecord> shard = new ArrayList<>();
                it.forEachRemaining(shard::add);
                List<Row> out = new ArrayList<>();
                for (List<EncodedRecord> pack : new Packer(length).pack(shard)) {
                    out.add(builder.pack(pack));
                }
                return out.iterator();
            });
        }
        StructType schema = OutputSchema.data(packLength != null, assistantMasks);
        Path raw = new Path(target.staging(), "_spark/data");
        spark.createDataFrame(rows, schema).write().mode(SaveMode.ErrorIfExists)
                .option("compression", "snappy")
                .option("maxRecordsPerFile", shards == null ? rowsPerFile : 0)
                .parquet(raw.toString());
        Path data = new Path(target.staging(), "data");
        int files = moveParts(raw, data, ".parquet");
        return new long[]{files, rowsInFooters(data)};
    }

    /**
     * The row count the written files declare, from their footers: an independent check of the write that
     * costs one small read per file instead of a Spark job.
     */
    private long rowsInFooters(Path dir) {
        long rows = 0;
        try {
            for (FileStatus s : target.fs().listStatus(dir)) {
                if (s.getPath().getName().endsWith(".parquet")) {
                    try (ParquetFileReader reader = ParquetFileReader.open(
                            HadoopInputFile.fromStatus(s, spark.sparkContext().hadoopConfiguration()))) {
                        rows += reader.getRecordCount();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the data files in " + dir + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Rejected rows, unchanged, with stage and reason, to {@code quarantine/*.jsonl}. */
    public int writeQuarantine(JavaRDD<EncodedRecord> quarantined, int shards) {
        JavaRDD<Row> rows = sortedShards(quarantined, shards).map(RowBuilder::quarantine);
        Path raw = new Path(target.staging(), "_spark/quarantine");
        spark.createDataFrame(rows, OutputSchema.quarantine()).write().mode(SaveMode.ErrorIfExists)
                .json(raw.toString());
        return moveParts(raw, new Path(target.staging(), "quarantine"), ".jsonl");
    }

    private static JavaRDD<EncodedRecord> sortedShards(JavaRDD<EncodedRecord> records, int shards) {
        return records.mapToPair(r -> new scala.Tuple2<>(r.key(), r))
                .repartitionAndSortWithinPartitions(new ShardPartitioner(shards))
                .values();
    }

    /** Renames Spark's {@code part-00003-<uuid>...} files (empty shards write none) to a dense, ordered set. */
    private int moveParts(Path from, Path to, String extension) {
        FileSystem fs = target.fs();
        try {
            FileStatus[] all = fs.listStatus(from);
            List<Path> parts = new ArrayList<>();
            for (FileStatus s : all) {
                if (s.getPath().getName().startsWith("part-")) {
                    parts.add(s.getPath());
                }
            }
            parts.sort((a, b) -> a.getName().compareTo(b.getName()));
            fs.mkdirs(to);
            for (int i = 0; i < parts.size(); i++) {
                Path dest = new Path(to, String.format("part-%05d-of-%05d%s", i, parts.size(), extension));
                if (!fs.rename(parts.get(i), dest)) {
                    throw new IOException("rename " + parts.get(i) + " -> " + dest + " failed");
                }
            }
            fs.delete(from, true);
            if (fs.listStatus(from.getParent()).length == 0) {
                fs.delete(from.getParent(), true);
            }
            return parts.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot arrange output files in " + to + ": " + e.getMessage(), e);
        }
    }
}
