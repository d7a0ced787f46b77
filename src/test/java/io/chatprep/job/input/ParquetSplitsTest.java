package io.chatprep.job.input;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Parquet input format over a file of many row groups cut into many splits: every record is read once, keyed by
 * its row index in the whole file (row ids and the shard a row goes to depend on it).
 */
class ParquetSplitsTest {
    @TempDir
    Path dir;

    @Test
    void splitsReadEveryRowOnceWithItsIndexInTheFile() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message row { required int64 n; required binary text (STRING); }");
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("many-groups.parquet").toUri());
        Configuration conf = new Configuration();
        int rows = 3000;
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withConf(conf).withType(schema)
                .withRowGroupSize(8 * 1024).withPageSize(1024).build()) {
            for (int i = 0; i < rows; i++) {
                writer.write(groups.newGroup().append("n", (long) i).append("text", "row " + i + " ".repeat(i % 17)));
            }
        }
        try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            assertTrue(footer.getRowGroups().size() > 5, "row groups: " + footer.getRowGroups().size());
        }

        Job job = Job.getInstance(conf);
        FileInputFormat.setInputPaths(job, file);
        FileInputFormat.setMaxInputSplitSize(job, 5000);
        ExactFileFormats.Parquet format = new ExactFileFormats.Parquet();
        List<InputSplit> splits = format.getSplits(job);
        assertTrue(splits.size() > 5, "splits: " + splits.size());
        List<Long> seen = new ArrayList<>();
        for (InputSplit split : splits) {
            TaskAttemptContext context = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID());
            try (RecordReader<Long, Group> reader = format.createRecordReader(split, context)) {
                reader.initialize(split, context);
                while (reader.nextKeyValue()) {
                    long index = reader.getCurrentKey();
                    assertEquals(index, reader.getCurrentValue().getLong("n", 0));
                    seen.add(index);
                }
            }
        }
        assertEquals(rows, seen.size());
        assertEquals(rows, seen.stream().distinct().count());
    }
}
