package io.chatprep.job.input;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetRecordReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hadoop input formats over exactly the files {@link InputReader#resolve} chose. Hadoop's own listing would read every
 * input path as a glob again ({@code we ird[1]/a.jsonl} matches nothing) and drop names starting with {@code _} or
 * {@code .} even when the user named that file; Spark's Parquet source does both too.
 */
public final class ExactFileFormats {
    private ExactFileFormats() {
    }

    static List<FileStatus> statuses(JobContext job) throws IOException {
        List<FileStatus> out = new ArrayList<>();
        for (Path p : FileInputFormat.getInputPaths(job)) {
            out.add(p.getFileSystem(job.getConfiguration()).getFileStatus(p));
        }
        return out;
    }

    /** JSON Lines: Hadoop's line reader (splits at line ends, {@code .gz} whole), keyed by byte offset. */
    public static final class Text extends TextInputFormat {
        @Override
        protected List<FileStatus> listStatus(JobContext job) throws IOException {
            return statuses(job);
        }

        @Override
        public RecordReader<org.apache.hadoop.io.LongWritable, org.apache.hadoop.io.Text> createRecordReader(
                InputSplit split, TaskAttemptContext context) {
            return new NamedFailures<>(super.createRecordReader(split, context));
        }
    }

    /**
     * Parquet records keyed by their row index in the file, each under its own file's schema; a split reads the row
     * groups whose middle lies in it.
     */
    public static final class Parquet extends FileInputFormat<Long, Group> {
        @Override
        protected List<FileStatus> listStatus(JobContext job) throws IOException {
            return statuses(job);
        }

        @Override
        public RecordReader<Long, Group> createRecordReader(InputSplit split, TaskAttemptContext context) {
            return new NamedFailures<>(new IndexedRecords());
        }
    }

    private static final class IndexedRecords extends RecordReader<Long, Group> {
        private final ParquetRecordReader<Group> records = new ParquetRecordReader<>(new GroupReadSupport());

        @Override
        public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
            records.initialize(split, context);
        }

        @Override
        public boolean nextKeyValue() throws IOException, InterruptedException {
            return records.nextKeyValue();
        }

        @Override
        public Long getCurrentKey() throws IOException {
            return records.getCurrentRowIndex();
        }

        @Override
        public Group getCurrentValue() throws IOException, InterruptedException {
            return records.getCurrentValue();
        }

        @Override
        public float getProgress() throws IOException, InterruptedException {
            return records.getProgress();
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }
}
