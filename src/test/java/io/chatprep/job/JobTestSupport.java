package io.chatprep.job;

import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.JobConfigLoader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers shared by the Spark job tests. */
final class JobTestSupport {
    static final Path MIXED = Path.of("src/test/resources/job/mixed.jsonl").toAbsolutePath();

    private JobTestSupport() {
    }

    /**
     * A config over {@code input} writing to {@code output}, with extra {@code key=value} settings. The inputs mix
     * bad rows in on purpose, so the quarantine share is not limited here (the quality gate has tests of its own).
     */
    static JobConfig config(Path input, Path output, Path tokenizer, String... settings) {
        JobConfigLoader loader = new JobConfigLoader()
                .set("input", input.toString())
                .set("output", output.toString())
                .set("tokenizer", tokenizer.toString())
                .set("progress_interval_seconds", "600")
                .set("max_quarantine_share", "1");
        for (String s : settings) {
            loader.assignment(s);
        }
        return loader.load();
    }

    /** Non-blank lines of a JSONL file by their byte offset, as the job numbers them. */
    static Map<Long, String> linesByOffset(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Map<Long, String> lines = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                if (!line.isBlank()) {
                    lines.put((long) start, line);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    static List<Row> readData(SparkSession spark, Path output) {
        return spark.read().parquet(output.resolve("data").toString()).collectAsList();
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static int[] ints(Row row, String column) {
        List<Integer> list = row.getList(row.fieldIndex(column));
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    static List<String> readLines(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : files(dir)) {
            out.addAll(Files.readAllLines(p));
        }
        return out;
    }
}
