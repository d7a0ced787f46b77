package io.chatprep.report;

import io.chatprep.job.SparkTestSession;
import io.chatprep.job.layout.OutputSchema;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digest a run gathers must give the report exactly what Spark's aggregation of the written files gives. */
@Tag("spark")
class RowDigestTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void digestAgreesWithTheSparkAggregation() {
        SparkSession spark = SparkTestSession.get();
        String[] prefixes = {"gsm8k-train-", "shard/a_", "chat.jsonl:", "x#", "ünïcode.", "", "plain", "v1.2-"};
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        // Digests of two "partitions", merged as the job merges them.
        RowDigest first = new RowDigest();
        RowDigest second = new RowDigest();
        int longest = 0;
        for (int i = 0; i < 600; i++) {
            String id = prefixes[random.nextInt(prefixes.length)] + (random.nextInt(5) == 0 ? "" : random.nextInt(10_000));
            int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 4000 : 900);
            int trained = random.nextInt(4) == 0 ? n : random.nextInt(n + 1);
            longest = Math.max(longest, n);
            int[] ids = random.ints(n, 0, 150_000).toArray();
            int[] labels = ids.clone();
            for (int t = 0; t < n - trained; t++) {
                labels[t] = -100;
            }
            rows.add(RowFactory.create(id, ids, labels, n, trained));
            (i % 2 == 0 ? first : second).add(id, ids, labels, trained);
        }
        first.merge(second);
        spark.createDataFrame(rows, OutputSchema.data(false, false)).coalesce(2).write()
                .parquet(dir.resolve("data").toString());

        Path out = new Path(dir.toUri());
        ReportAggregates files = new ReportAggregates(spark, out, 2048, (long) longest, null);
        ReportAggregates digest = new ReportAggregates(spark, out, 2048, (long) longest, first);
        assertTrue(first.complete());
        assertEquals(files.lengths().width(), digest.lengths().width());
        assertArrayEquals(files.lengths().counts(), digest.lengths().counts());
        assertArrayEquals(files.trainedShare().counts(), digest.trainedShare().counts());
        assertEquals(files.sources(), digest.sources());
        assertTrue(files.sources().size() > 3, files.sources().toString());
        List<ReportAggregates.SampleInput> fromFiles = files.samples();
        List<ReportAggregates.SampleInput> fromDigest = digest.samples();
        assertEquals(fromFiles.stream().map(ReportAggregates.SampleInput::id).toList(),
                fromDigest.stream().map(ReportAggregates.SampleInput::id).toList());
        assertEquals(ReportAggregates.SAMPLE_ROWS, fromDigest.size());
        for (int i = 0; i < fromFiles.size(); i++) {
            assertArrayEquals(fromFiles.get(i).inputIds(), fromDigest.get(i).inputIds());
            assertArrayEquals(fromFiles.get(i).labels(), fromDigest.get(i).labels());
        }
        assertTrue(first.rowsById(fromDigest.stream().map(ReportAggregates.SampleInput::id).toList()) != null,
                "samples come from the digest, not the files");
    }

    @Test
    void tooManySourcesFallBackToTheFiles() {
        RowDigest d = new RowDigest();
        for (int i = 0; i <= RowDigest.MAX_SOURCES; i++) {
            d.add("source" + Integer.toString(i, 36) + "x", new int[10], new int[10], 5);
        }
        assertFalse(d.complete());
        RowDigest merged = new RowDigest();
        merged.add("a-1", new int[10], new int[10], 5);
        merged.merge(d);
        assertFalse(merged.complete());
        assertEquals(RowDigest.MAX_SOURCES + 2, java.util.Arrays.stream(merged.shareBins()).sum());
    }
}
