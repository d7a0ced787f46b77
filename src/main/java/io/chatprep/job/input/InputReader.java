package io.chatprep.job.input;

import io.chatprep.encode.Utf8Text;
import io.chatprep.job.config.InputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.parquet.example.data.Group;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads JSONL (as text, one row per non-blank line, keyed by file and byte offset) and Parquet (keyed by file
 * and row index) from any Hadoop filesystem path, directory or glob, into {@link SourceRow}s.
 */
public final class InputReader {
    private final SparkSession spark;
    private final long splitSizeBytes;

    public InputReader(SparkSession spark, double splitSizeMb) {
        this.spark = spark;
        this.splitSizeBytes = Math.max(1L, (long) (splitSizeMb * 1024 * 1024));
    }

    /**
     * The files the inputs name, sorted, split by format, with the hidden names skipped inside directories
     * ({@link InputListing}). Fails when an input names no file.
     */
    public static InputFiles resolve(List<String> inputs, InputFormat format, Configuration conf) {
        Set<String> jsonl = new TreeSet<>();
        Set<String> parquet = new TreeSet<>();
        Set<String> skipped = new TreeSet<>();
        long jsonlBytes = 0;
        long parquetBytes = 0;
        for (String input : inputs) {
            List<FileStatus> found = new ArrayList<>();
            Set<String> skippedHere = new TreeSet<>();
            try {
                InputListing.list(input, conf, found, skippedHere);
            } catch (IOException e) {
                throw new InputException("cannot list input " + input + ": " + e.getMessage(), e);
            }
            if (found.isEmpty()) {
                throw new InputException("'input' " + input + " matches no files" + (skippedHere.isEmpty() ? ""
                        : " (only hidden ones, which are skipped unless named: " + String.join(", ", skippedHere) + ")"));
            }
            skipped.addAll(skippedHere);
            for (FileStatus f : found) {
                String path = f.getPath().toString();
                boolean isParquet = format == InputFormat.PARQUET
                        || (format == InputFormat.AUTO && path.endsWith(".parquet"));
                if (isParquet) {
                    if (parquet.add(path)) {
                        parquetBytes += f.getLen();
                    }
                } else if (jsonl.add(path)) {
                    jsonlBytes += f.getLen();
                }
            }
        }
        // A hidden file skipped in its directory but also named as an input is read, not skipped.
        skipped.removeAll(jsonl);
        skipped.removeAll(parquet);
        refuseJsonArrays(jsonl, conf);
        return new InputFiles(List.copyOf(jsonl), List.copyOf(parquet), jsonlBytes, parquetBytes, List.copyOf(skipped));
    }

    /** The inputs that name an existing directory (read whole), as given. */
    public static List<String> namedDirectories(List<String> inputs, Configuration conf) {
        List<String> dirs = new ArrayList<>();
        for (String input : inputs) {
            Path path = new Path(input);
            try {
                FileSystem fs = path.getFileSystem(conf);
                if (fs.exists(path) && fs.getFileStatus(path).isDirectory()) {
                    dirs.add(input);
                }
            } catch (IOException e) {
                throw new InputException("cannot list input " + input + ": " + e.getMessage(), e);
            }
        }
        return dirs;
    }

    /** JSONL files looked at for a JSON array: the usual input is one file or many of one shape; few reads on S3. */
    static final int FILES_PEEKED = 8;

    /**
     * A file holding one JSON array would be read line by line and every line quarantined as invalid JSON; its first
     * character says so before anything runs. (No JSON Lines row starts with '[': a row must be an object.)
     */
    private static void refuseJsonArrays(Set<String> jsonl, Configuration conf) {
        int peeked = 0;
        for (String file : jsonl) {
            if (peeked++ == FILES_PEEKED) {
                return;
            }
            if (firstCharacter(file, conf) == '[') {
                throw new InputException("'input' " + file + " holds a JSON array (its text starts with '['); chatprep "
                        + "reads JSON Lines, one object per line: convert it first, e.g. jq -c '.[]' < FILE > FILE.jsonl");
            }
        }
    }

    /** The first character that is not white space or a byte-order mark, in the first 4 KB; -1 if none. */
    private static int firstCharacter(String file, Configuration conf) {
        Path path = new Path(file);
        byte[] head = new byte[4096];
        int n = 0;
        try (java.io.InputStream in = path.getFileSystem(conf).open(path)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            throw new InputException("cannot read input " + file + ": " + e.getMessage(), e);
        }
        int i = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        for (; i < n; i++) {
            if (!Character.isWhitespace(head[i])) {
                return head[i];
            }
        }
        return -1;
    }

    public JavaRDD<SourceRow> read(InputFiles files) {
        JavaRDD<SourceRow> rows = null;
        if (!files.jsonl().isEmpty()) {
            rows = readJsonl(files.jsonl(), splitSize(files.jsonlBytes(), splitSizeBytes));
        }
        if (!files.parquet().isEmpty()) {
            JavaRDD<SourceRow> p = readParquet(files.parquet(), splitSize(files.parquetBytes(), PARQUET_SPLIT_BYTES));
            rows = rows == null ? p : rows.union(p);
        }
        return rows;
    }

    /**
     * Encoding, not reading, is the cost, so even a single small file is split to give every core at least
     * two tasks (a Parquet split holds whole row groups, so how far that goes depends on the file); {@code cap}
     * bounds the split size for large inputs.
     */
    private long splitSize(long totalBytes, long cap) {
        long slots = Math.max(1, spark.sparkContext().defaultParallelism()) * 2L;
        long perSlot = Math.max(256 * 1024L, (totalBytes + slots - 1) / slots);
        return Math.min(cap, perSlot);
    }

    private JavaRDD<SourceRow> readJsonl(List<String> paths, long splitSize) {
        return records(paths, splitSize, ExactFileFormats.Text.class, LongWritable.class, Text.class)
                .mapPartitionsWithInputSplit((split, it) -> new JsonlLines((FileSplit) split, it), false);
    }

    /** The records of exactly these files, in splits of at most {@code splitSize} bytes. */
    @SuppressWarnings("unchecked")
    private <K, V> JavaNewHadoopRDD<K, V> records(List<String> paths, long splitSize,
            Class<? extends org.apache.hadoop.mapreduce.InputFormat<K, V>> format, Class<K> key, Class<V> value) {
        Configuration conf;
        try {
            Job job = Job.getInstance(spark.sparkContext().hadoopConfiguration());
            FileInputFormat.setInputPaths(job, paths.stream().map(Path::new).toArray(Path[]::new));
            conf = job.getConfiguration();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure input " + paths.get(0) + ": " + e.getMessage(), e);
        }
        conf.setLong(FileInputFormat.SPLIT_MAXSIZE, splitSize);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return (JavaNewHadoopRDD<K, V>) jsc.newAPIHadoopRDD(conf, format, key, value);
    }

    private static String fileOf(org.apache.hadoop.mapreduce.InputSplit split) {
        return ((FileSplit) split).getPath().toString();
    }

    /**
     * Skips blank lines and copies each line out of Hadoop's reused {@code Text}. A plain file's split is read past
     * its end to the end of the line it cuts; lines that stop short of the split's end mean the file shrank after it
     * was listed, and the rows past that point would be lost without a word, so the split fails naming the file.
     */
    private static final class JsonlLines implements Iterator<SourceRow> {
        /** A line's terminator is at most "\r\n". */
        private static final int TERMINATOR = 2;
        private final String file;
        private final long splitEnd;
        private final boolean compressed;
        private final Iterator<Tuple2<LongWritable, Text>> lines;
        private long reached = -1;
        private SourceRow next;

        JsonlLines(FileSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
            this.file = split.getPath().toString();
            this.splitEnd = split.getStart() + split.getLength();
            this.compressed = COMPRESSED.matcher(split.getPath().getName()).find();
            this.lines = lines;
            advance();
        }

        private void advance() {
            next = null;
            while (next == null && lines.hasNext()) {
                Tuple2<LongWritable, Text> line = lines.next();
                Text bytes = line._2();
                long position = line._1().get();
                reached = position + bytes.getLength() + TERMINATOR;
                int bad = Utf8Text.firstInvalid(bytes.getBytes(), 0, bytes.getLength());
                // Valid UTF-8 decodes in one pass with the String constructor; the text of a line that is not UTF-8
                // (malformed bytes replaced) only goes to the quarantine record, with the reason.
                String text = Utf8Text.decode(bytes.getBytes(), 0, bytes.getLength());
                if (bad >= 0) {
                    next = new SourceRow(file, position, text, null,
                            Utf8Text.reason(bytes.getBytes(), 0, bad, position));
                } else if (!text.isBlank()) {
                    next = new SourceRow(file, position, text, null);
                }
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && !compressed && reached >= 0 && reached < splitEnd) {
                throw new InputReadException("input file " + file + " ends at byte " + (reached - TERMINATOR)
                        + " but held at least " + splitEnd + " bytes when the run listed it: it was cut short while "
                        + "the run read it, and its rows past that point would be lost", null);
            }
            return next != null;
        }

        @Override
        public SourceRow next() {
            SourceRow r = next;
            advance();
            return r;
        }
    }

    /** Compressed files, which Hadoop reads whole and positions in uncompressed bytes. */
    private static final java.util.regex.Pattern COMPRESSED =
            java.util.regex.Pattern.compile("\\.(gz|bz2|zst|deflate|lz4|snappy|br|xz)$");

    /**
     * Parquet through Hadoop's input format rather than Spark's Parquet source: every record keeps its own file's
     * schema (Spark reads all files with one, dropping the fields other files add), no job runs on the driver for a
     * schema, and files are read as named ({@link ExactFileFormats}).
     */
    private JavaRDD<SourceRow> readParquet(List<String> paths, long splitSize) {
        return records(paths, splitSize, ExactFileFormats.Parquet.class, Long.class, Group.class)
                .mapPartitionsWithInputSplit((split, it) -> new ParquetRows(fileOf(split), it), false);
    }

    /** Largest Parquet split, as Spark's default partition size. */
    static final long PARQUET_SPLIT_BYTES = 128L * 1024 * 1024;

    /** Parquet records as source rows: the row as stored for quarantine, JSON-typed text decoded for the template. */
    private static final class ParquetRows implements Iterator<SourceRow> {
        private final String file;
        private final Iterator<Tuple2<Long, Group>> records;
        private org.apache.parquet.schema.GroupType schema;
        private boolean hasJson;

        ParquetRows(String file, Iterator<Tuple2<Long, Group>> records) {
            this.file = file;
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public SourceRow next() {
            Tuple2<Long, Group> record = records.next();
            Group group = record._2();
            if (group.getType() != schema) {
                schema = group.getType();
                hasJson = ParquetValues.hasJson(schema);
            }
            Map<String, Object> value = ParquetValues.row(group);
            String raw = PythonJson.write(value);
            if (!hasJson) {
                return new SourceRow(file, record._1(), raw, value);
            }
            try {
                return new SourceRow(file, record._1(), raw, ParquetValues.decodeJson(value));
            } catch (IOException e) {
                return new SourceRow(file, record._1(), raw, null, e.getMessage());
            }
        }
    }

    /** How many partitions {@link #read} makes of these files (JSONL splits plus Parquet's own). */
    public int partitions(InputFiles files) {
        return read(files).getNumPartitions();
    }

    /** Resolved input files by format, and the hidden files skipped in input directories. */
    public record InputFiles(List<String> jsonl, List<String> parquet, long jsonlBytes, long parquetBytes,
                             List<String> skipped) implements java.io.Serializable {
        /** Paths of skipped files listed in run output and the manifest; the count is always exact. */
        static final int SKIPPED_LISTED = 100;

        public InputFiles(List<String> jsonl, List<String> parquet, long jsonlBytes) {
            this(jsonl, parquet, jsonlBytes, 0, List.of());
        }

        public int count() {
            return jsonl.size() + parquet.size();
        }

        public List<String> all() {
            List<String> all = new ArrayList<>(jsonl);
            all.addAll(parquet);
            return all;
        }

        /** One line for the run's output naming the skipped files, or null when none was skipped. */
        public String skippedSummary() {
            if (skipped.isEmpty()) {
                return null;
            }
            int shown = Math.min(skipped.size(), 5);
            return "skipped " + skipped.size() + " hidden file(s) in input directories (names starting with '.' or "
                    + "'_'; name one as an input to read it): " + String.join(", ", skipped.subList(0, shown))
                    + (shown < skipped.size() ? ", ..." : "");
        }

        /** The manifest's record of skipped files: their count and the first {@value #SKIPPED_LISTED} paths. */
        public java.util.Map<String, Object> skippedRecord() {
            java.util.Map<String, Object> record = new java.util.LinkedHashMap<>();
            record.put("count", skipped.size());
            record.put("paths", skipped.subList(0, Math.min(skipped.size(), SKIPPED_LISTED)));
            return record;
        }

        /**
         * The deepest directory every file lies in, as its path starts ({@code file:/data/chats/}); "" when they
         * share none. Row ids name their file by the path below it.
         */
        public String commonDirectory() {
            String common = null;
            for (List<String> files : List.of(jsonl, parquet)) {
                for (String f : files) {
                    String dir = f.substring(0, f.lastIndexOf('/') + 1);
                    common = common == null ? dir : sharedStart(common, dir);
                }
            }
            return common == null ? "" : common.substring(0, common.lastIndexOf('/') + 1);
        }

        private static String sharedStart(String a, String b) {
            int n = 0;
            while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
                n++;
            }
            return a.substring(0, n);
        }
    }
}
