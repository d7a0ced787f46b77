package io.chatprep.job.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatprep.job.layout.ImageColumns;
import io.chatprep.job.tasks.EncodedRecord;
import io.chatprep.job.tasks.Outcome;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One task of the write: consumes a partition of encoded records once, counting every row, streaming training
 * rows into Parquet files (a new file every {@code rowsPerFile} rows) and rejected rows into a JSONL file, all
 * inside a directory of its own attempt; the driver keeps the directory of the attempt whose result it received.
 * When packing, the partition's training rows are held until its end and packed together.
 */
final class ShardTask implements Function2<Integer, Iterator<EncodedRecord>, Iterator<ShardResult>> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tasksDir;
    private final Broadcast<SerializableConfiguration> conf;
    private final Integer rowsPerFile;
    private final Integer packLength;
    private final boolean assistantMasks;
    private final ImageColumns images;
    private final double evalShare;

    ShardTask(String tasksDir, Broadcast<SerializableConfiguration> conf, Integer rowsPerFile, Integer packLength,
              boolean assistantMasks, ImageColumns images, double evalShare) {
        this.tasksDir = tasksDir;
        this.conf = conf;
        this.rowsPerFile = rowsPerFile;
        this.packLength = packLength;
        this.assistantMasks = assistantMasks;
        this.images = images;
        this.evalShare = evalShare;
    }

    @Override
    public Iterator<ShardResult> call(Integer partition, Iterator<EncodedRecord> records) throws IOException {
        TaskContext ctx = TaskContext.get();
        String attempt = String.format("p%05d-s%d-a%d", partition, ctx == null ? 0 : ctx.stageAttemptNumber(),
                ctx == null ? 0 : ctx.attemptNumber());
        Configuration hadoop = conf.value().value();
        Path dir = new Path(tasksDir, attempt);
        FileSystem fs = dir.getFileSystem(hadoop);
        RunStats stats = new RunStats();
        List<EncodedRecord> toPack = packLength == null ? null : new ArrayList<>();
        List<EncodedRecord> toPackHeldOut = packLength == null ? null : new ArrayList<>();
        try (DataFiles data = new DataFiles(dir, hadoop, EvalSplit.TRAIN);
             DataFiles heldOut = new DataFiles(dir, hadoop, EvalSplit.TEST);
             QuarantineFile quarantine = new QuarantineFile(fs, dir)) {
            while (records.hasNext()) {
                EncodedRecord r = records.next();
                stats.add(r);
                if (r.outcome() == Outcome.WRITTEN) {
                    boolean test = EvalSplit.isHeldOut(r.id(), evalShare);
                    if (toPack != null) {
                        (test ? toPackHeldOut : toPack).add(r);
                    } else {
                        (test ? heldOut : data).write(RowBuilder.single(r));
                    }
                } else if (r.outcome() == Outcome.QUARANTINED) {
                    quarantine.write(r);
                }
            }
            if (toPack != null) {
                for (List<EncodedRecord> pack : new Packer(packLength).pack(toPack)) {
                    data.write(RowBuilder.pack(pack));
                }
                for (List<EncodedRecord> pack : new Packer(packLength).pack(toPackHeldOut)) {
                    heldOut.write(RowBuilder.pack(pack));
                }
            }
            data.close();
            heldOut.close();
            quarantine.close();
            return List.of(new ShardResult(partition, attempt, data.names, data.rows, heldOut.names, heldOut.rows,
                    quarantine.name, stats)).iterator();
        }
    }

    /** Consecutive Parquet files of one split, of at most {@code rowsPerFile} rows each. */
    private final class DataFiles implements AutoCloseable {
        final List<String> names = new ArrayList<>();
        final List<Long> rows = new ArrayList<>();
        private final Path dir;
        private final Configuration hadoop;
        private final String split;
        private DataFileWriter writer;
        private long inFile;

        DataFiles(Path dir, Configuration hadoop, String split) {
            this.dir = dir;
            this.hadoop = hadoop;
            this.split = split;
        }

        void write(DataRow row) throws IOException {
            if (writer == null || (rowsPerFile != null && inFile >= rowsPerFile)) {
                close();
                String name = String.format("%s-%05d.parquet", split, names.size());
                writer = new DataFileWriter(new Path(dir, name), hadoop, packLength != null, assistantMasks,
                        images);
                names.add(name);
                rows.add(0L);
                inFile = 0;
            }
            writer.write(row);
            inFile++;
            rows.set(rows.size() - 1, inFile);
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                DataFileWriter w = writer;
                writer = null;
                w.close();
            }
        }
    }

    /** A data file with the schema and no rows: readers of an output whose every row was rejected still work. */
    static void writeEmpty(Path file, Configuration hadoop, boolean packed, boolean assistantMasks,
                           ImageColumns images) throws IOException {
        new DataFileWriter(file, hadoop, packed, assistantMasks, images).close();
    }

    /** Rejected rows as JSON lines, unchanged source text included; created on the first one. */
    private static final class QuarantineFile implements AutoCloseable {
        String name;
        private final FileSystem fs;
        private final Path dir;
        private Writer out;

        QuarantineFile(FileSystem fs, Path dir) {
            this.fs = fs;
            this.dir = dir;
        }

        void write(EncodedRecord r) throws IOException {
            if (out == null) {
                name = "quarantine.jsonl";
                out = new BufferedWriter(new OutputStreamWriter(fs.create(new Path(dir, name), true),
                        StandardCharsets.UTF_8), 1 << 16);
            }
            ObjectNode line = JSON.createObjectNode();
            line.put("id", r.id());
            line.put("source_file", r.key().file());
            line.put("source_position", r.key().position());
            line.put("stage", r.stage());
            line.put("reason", r.reason());
            line.put("raw", r.raw());
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                Writer w = out;
                out = null;
                w.close();
            }
        }
    }
}
