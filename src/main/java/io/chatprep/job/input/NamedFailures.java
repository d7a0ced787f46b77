package io.chatprep.job.input;

import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

import java.io.IOException;

/**
 * A record reader whose failures name the file. Hadoop's readers report a truncated gzip stream as "Unexpected end of
 * input stream" and a seek past a shrunken file as "Cannot seek after EOF", without saying which of a run's thousand
 * files it was.
 */
final class NamedFailures<K, V> extends RecordReader<K, V> {
    private final RecordReader<K, V> reader;
    private String file = "(unknown file)";

    NamedFailures(RecordReader<K, V> reader) {
        this.reader = reader;
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws InterruptedException {
        if (split instanceof FileSplit f) {
            file = f.getPath().toString();
        }
        try {
            reader.initialize(split, context);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean nextKeyValue() throws InterruptedException {
        try {
            return reader.nextKeyValue();
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    public K getCurrentKey() throws IOException, InterruptedException {
        return reader.getCurrentKey();
    }

    @Override
    public V getCurrentValue() throws IOException, InterruptedException {
        return reader.getCurrentValue();
    }

    @Override
    public float getProgress() throws IOException, InterruptedException {
        return reader.getProgress();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private InputReadException failure(Exception e) {
        if (e instanceof InputReadException already) {
            return already;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InputReadException("cannot read input file " + file + ": " + reason.lines().findFirst().orElse(reason)
                + " (the file is damaged, or changed or removed since the run listed it)", e);
    }
}
