package io.chatprep.job;

import io.chatprep.cli.Main;
import io.chatprep.job.config.InputFormat;
import io.chatprep.job.input.InputReader;
import io.chatprep.job.input.SourceRow;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An input file that cannot be read while the job runs fails the run as an input error naming the file. */
@Tag("spark")
class InputReadFailureTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static byte[] rows;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkTestSession.get();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append(Files.readString(JobTestSupport.MIXED));
        }
        rows = b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTruncatedGzipFailsTheRunNamingTheFile() throws Exception {
        Path input = Files.createDirectories(dir.resolve("gz"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(rows);
        }
        Path file = input.resolve("rows.jsonl.gz");
        Files.write(file, Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
        StringBuilder stderr = new StringBuilder();
        int code = runCli(input, dir.resolve("gz-out"), stderr);
        assertEquals(3, code, stderr.toString());
        List<String> lines = stderr.toString().lines().filter(l -> l.startsWith("chatprep run: ")).toList();
        assertEquals(1, lines.size(), stderr.toString());
        assertTrue(lines.get(0).contains("cannot read input file file:" + file + ": "), lines.get(0));
    }

    @Test
    void aFileCutShortAfterListingFailsRatherThanLosingRows() throws Exception {
        Path file = Files.write(dir.resolve("shrinking.jsonl"), rows);
        InputReader.InputFiles files = InputReader.resolve(List.of(file.toString()), InputFormat.AUTO,
                spark.sparkContext().hadoopConfiguration());
        var read = new InputReader(spark, 16).read(files);
        int splits = read.getNumPartitions(); // planned on the file as listed, in splits of 256 KB
        assertTrue(splits > 1, "splits: " + splits);
        // Cut the last split in half: no split starts past the new end, the last one stops short of its own.
        long lastStart = 256L * 1024 * (splits - 1);
        Files.write(file, Arrays.copyOf(rows, (int) (lastStart + (rows.length - lastStart) / 2)));
        Exception e = assertThrows(Exception.class, () -> read.map(SourceRow::position).collect());
        String text = String.valueOf(e.getMessage());
        assertTrue(text.contains("input file file:" + file + " ends at byte ") && text.contains("cut short"), text);
    }

    private static int runCli(Path input, Path output, StringBuilder stderr) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(new String[]{"run", "--input", input.toString(), "--output", output.toString(),
                    "--tokenizer", "src/test/resources/tokenizers/llama3_1", "--chat-template",
                    "templates/llama3_1_training.jinja", "--progress-interval-seconds", "600"});
        } finally {
            System.setErr(old);
            stderr.append(err.toString(StandardCharsets.UTF_8));
        }
    }
}
