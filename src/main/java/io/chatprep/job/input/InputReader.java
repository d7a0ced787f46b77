package io.chatprep.job.input;

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
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads JSONL (as text, one row per non-blank line, keyed by file and byte offset) and Parquet (keyed by file
 * and row index) from any Hadoop filesystem path, directory or glob, into {@link SourceRow}s.
 */
public final class InputReader {
    private static final String FILE_COLUMN = "__chatprep_file";
    private static final String INDEX_COLUMN = "__chatprep_row_index";

    private final SparkSession spark;
    private final long splitSizeBytes;

    public InputReader(SparkSession spark, double splitSizeMb) {
        this.spark = spark;
        this.splitSizeBytes = Math.max(1L, (long) (splitSizeMb * 1024 * 1024));
    }

    /** The files the inputs name, sorted, split by format. Fails when nothing matches. */
    public static InputFiles resolve(List<String> inputs, InputFormat format, Configuration conf) {
        Set<String> jsonl = new TreeSet<>();
        Set<String> parquet = new TreeSet<>();
        long jsonlBytes = 0;
        for (String input : inputs) {
            Path pattern = new Path(input);
            List<FileStatus> found = new ArrayList<>();
            try {
                FileSystem fs = pattern.getFileSystem(conf);
                FileStatus[] matches = fs.globStatus(pattern);
                if (matches != null) {
                    for (FileStatus m : matches) {
                        collect(fs, m, found);
                    }
                }
            } catch (IOException e) {
                throw new InputException("cannot list input " + input + ": " + e.getMessage(), e);
            }
            if (found.isEmpty()) {
                throw new InputException("'input' " + input + " matches no files");
            }
            for (FileStatus f : found) {
                String path = f.getPath().toString();
                boolean isParquet = format == InputFormat.PARQUET
                        || (format == InputFormat.AUTO && path.endsWith(".parquet"));
                if (isParquet) {
                    parquet.add(path);
                } else if (jsonl.add(path)) {
                    jsonlBytes += f.getLen();
                }
            }
        }
        refuseJsonArrays(jsonl, conf);
        return new InputFiles(List.copyOf(jsonl), List.copyOf(parquet), jsonlBytes);
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

    private static void collect(FileSystem fs, FileStatus status, List<FileStatus> out) throws IOException {
        String name = status.getPath().getName();
        if (name.startsWith(".") || name.startsWith("_")) {
            return;
        }
        if (status.isDirectory()) {
            FileStatus[] children = fs.listStatus(status.getPath());
            java.util.Arrays.sort(children);
            for (FileStatus child : children) {
                collect(fs, child, out);
            }
        } else {
            out.add(status);
        }
    }

    public JavaRDD<SourceRow> read(InputFiles files) {
        JavaRDD<SourceRow> rows = null;
        if (!files.jsonl().isEmpty()) {
            rows = readJsonl(files.jsonl(), splitSize(files.jsonlBytes()));
        }
        if (!files.parquet().isEmpty()) {
            JavaRDD<SourceRow> p = readParquet(files.parquet());
            rows = rows == null ? p : rows.union(p);
        }
        return rows;
    }

    /**
     * Encoding, not reading, is the cost, so even a single small file is split to give every core at least
     * two tasks; {@code split_size_mb} caps the split size for large inputs.
     */
    private long splitSize(long totalBytes) {
        long slots = Math.max(1, spark.sparkContext().defaultParallelism()) * 2L;
        long perSlot = Math.max(256 * 1024L, (totalBytes + slots - 1) / slots);
        return Math.min(splitSizeBytes, perSlot);
    }

    private JavaRDD<SourceRow> readJsonl(List<String> paths, long splitSize) {
        Job job;
        try {
            job = Job.getInstance(spark.sparkContext().hadoopConfiguration());
            Path[] ps = paths.stream().map(Path::new).toArray(Path[]::new);
            FileInputFormat.setInputPaths(job, ps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure JSONL input: " + e.getMessage(), e);
        }
        Configuration conf = job.getConfiguration();
        conf.setLong(FileInputFormat.SPLIT_MAXSIZE, splitSize);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
                jsc.newAPIHadoopRDD(conf, TextInputFormat.class, LongWritable.class, Text.class);
        return lines.mapPartitionsWithInputSplit((split, it) -> {
            String file = ((FileSplit) split).getPath().toString();
            return new JsonlLines(file, it);
        }, false);
    }

    /** Skips blank lines and copies each line out of Hadoop's reused {@code Text}. */
    private static final class JsonlLines implements Iterator<SourceRow> {
        private final String file;
        private final Iterator<Tuple2<LongWritable, Text>> lines;
        private SourceRow next;

        JsonlLines(String file, Iterator<Tuple2<LongWritable, Text>> lines) {
            this.file = file;
            this.lines = lines;
            advance();
        }

        private void advance() {
            next = null;
            while (next == null && lines.hasNext()) {
                Tuple2<LongWritable, Text> line = lines.next();
                Text bytes = line._2();
                // The String constructor decodes UTF-8 in one pass, where Text.toString goes through a CharBuffer;
                // both replace malformed bytes with U+FFFD.
                String text = new String(bytes.getBytes(), 0, bytes.getLength(), StandardCharsets.UTF_8);
                if (!text.isBlank()) {
                    next = new SourceRow(file, line._1().get(), text, null);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public SourceRow next() {
            SourceRow r = next;
            advance();
            return r;
        }
    }

    private JavaRDD<SourceRow> readParquet(List<String> paths) {
        Dataset<Row> df = spark.read().parquet(paths.toArray(String[]::new));
        Dataset<Row> withPosition = df.selectExpr("*", "_metadata.file_path AS " + FILE_COLUMN,
                "_metadata.row_index AS " + INDEX_COLUMN);
        return withPosition.toJavaRDD().mapPartitions(ParquetRows::new);
    }

    /** Parquet rows as source rows; a partition reads few files, so each file's URI becomes a path once. */
    private static final class ParquetRows implements Iterator<SourceRow> {
        private static final Set<String> POSITION = Set.of(FILE_COLUMN, INDEX_COLUMN);
        private final Iterator<Row> rows;
        private String uri;
        private String path;

        ParquetRows(Iterator<Row> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public SourceRow next() {
            Row row = rows.next();
            var value = SparkValues.toPython(row, POSITION);
            String fileUri = row.getString(row.fieldIndex(FILE_COLUMN));
            if (!fileUri.equals(uri)) {
                uri = fileUri;
                path = hadoopPath(fileUri);
            }
            long index = row.getLong(row.fieldIndex(INDEX_COLUMN));
            return new SourceRow(path, index, PythonJson.write(value), value);
        }
    }

    /**
     * Spark gives a Parquet row's file as a URI ({@code file:///data/a%20b.parquet}); listings and JSONL splits give
     * Hadoop's form of the same path ({@code file:/data/a b.parquet}), which ids and ordering use.
     */
    static String hadoopPath(String uri) {
        try {
            return new Path(java.net.URI.create(uri)).toString();
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    /** How many partitions {@link #read} makes of these files (JSONL splits plus Parquet's own). */
    public int partitions(InputFiles files) {
        return read(files).getNumPartitions();
    }

    /** Resolved input files by format. */
    public record InputFiles(List<String> jsonl, List<String> parquet, long jsonlBytes) implements java.io.Serializable {
        public int count() {
            return jsonl.size() + parquet.size();
        }

        public List<String> all() {
            List<String> all = new ArrayList<>(jsonl);
            all.addAll(parquet);
            return all;
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
