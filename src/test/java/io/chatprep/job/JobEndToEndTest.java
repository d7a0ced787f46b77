package io.chatprep.job;

import io.chatprep.cli.Main;
import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.RowJson;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.input.RowConverter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job with the real encoder (Llama 3.1 tokenizer and the bundled Llama 3.1 training template) on real
 * rows mixed with bad ones. Expected ids, labels and outcomes come from transformers
 * (scripts/reference/make_job_goldens.py); the Parquet must also equal the encoder's own output row for row.
 */
@Tag("spark")
class JobEndToEndTest {
    static final Path INPUT = Path.of("src/test/resources/job/real_mixed.jsonl").toAbsolutePath();
    static final Path GOLDEN = Path.of("src/test/resources/golden/job/llama3_1_real_mixed.jsonl");
    static final Path TOKENIZER = Path.of("src/test/resources/tokenizers/llama3_1").toAbsolutePath();
    static final Path TEMPLATE = Path.of("templates/llama3_1_training.jinja").toAbsolutePath();

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Map<Long, Map<String, Object>> golden = new TreeMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void setUp() throws Exception {
        spark = SparkTestSession.get();
        for (String line : Files.readAllLines(GOLDEN)) {
            Map<String, Object> g = (Map<String, Object>) RowJson.parse(line);
            golden.put((Long) g.get("offset"), g);
        }
    }

    private static JobConfig config(Path output, String... extra) {
        String[] settings = new String[extra.length + 3];
        settings[0] = "max_length=1024";
        settings[1] = "now=2026-01-01T00:00:00";
        settings[2] = "chat_template=" + TEMPLATE;
        System.arraycopy(extra, 0, settings, 3, extra.length);
        return JobTestSupport.config(INPUT, output, TOKENIZER, settings);
    }

    private static JobResult run(JobConfig config) {
        return new ChatPrepJob(spark, io.chatprep.job.tasks.EncoderFactory.conversationEncoder(),
                new PrintStream(new ByteArrayOutputStream())).run(config);
    }

    private static int[] ints(Object list) {
        return ((List<?>) list).stream().mapToInt(o -> ((Long) o).intValue()).toArray();
    }

    @Test
    void parquetEqualsTransformersAndTheEncoderRowForRow() throws Exception {
        Path out = dir.resolve("real");
        JobConfig config = config(out, "num_shards=2", "eval_share=0.3");
        JobResult result = run(config);

        Map<String, Long> expected = new TreeMap<>();
        golden.values().forEach(g -> expected.merge(g.get("expect") + (g.containsKey("stage") ? "/" + g.get("stage") : ""),
                1L, Long::sum));
        Map<String, Long> actual = new TreeMap<>();
        actual.put("written", result.rowsWritten());
        actual.put("filtered", result.rowsFiltered());
        result.stats().quarantinedByStage().forEach((stage, n) -> actual.put("quarantined/" + stage, n));
        assertEquals(expected, actual);
        assertEquals(golden.size(), result.rowsRead());

        Map<Long, String> lines = JobTestSupport.linesByOffset(INPUT);
        RowConverter converter = new RowConverter(config);
        JobPlan plan = JobPlan.prepare(config, spark.sparkContext().hadoopConfiguration());
        assertTrue(plan.templateExplanation().contains("llama3_1_training.jinja"), plan.templateExplanation());
        List<Row> data = JobTestSupport.readData(spark, out);
        assertEquals(result.rowsWritten(), data.size());
        try (ConversationEncoder encoder = ConversationEncoder.open(plan.spec())) {
            for (Row row : data) {
                String id = row.getAs("id");
                long offset = Long.parseLong(id.substring(id.lastIndexOf(':') + 1));
                Map<String, Object> g = golden.get(offset);
                assertEquals("written", g.get("expect"), id);
                int[] ids = JobTestSupport.ints(row, "input_ids");
                int[] labels = JobTestSupport.ints(row, "labels");
                assertArrayEquals(ints(g.get("input_ids")), ids, id + " input_ids vs transformers");
                assertArrayEquals(ints(g.get("labels")), labels, id + " labels vs transformers");
                EncodedRow direct = encoder.encode(converter.convert(RowJson.parse(lines.get(offset))));
                assertArrayEquals(direct.inputIds(), ids, id + " input_ids vs encoder");
                assertArrayEquals(direct.labels(), labels, id + " labels vs encoder");
            }
        }

        // Quarantined rows: the right stage, the template's own message for render failures.
        Map<Long, String> stages = new HashMap<>();
        for (String q : JobTestSupport.readLines(out.resolve("quarantine"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = (Map<String, Object>) RowJson.parse(q);
            long offset = (Long) record.get("source_position");
            stages.put(offset, (String) record.get("stage"));
            assertEquals(lines.get(offset), record.get("raw"));
            Map<String, Object> g = golden.get(offset);
            assertEquals("quarantined", g.get("expect"));
            if ("render".equals(record.get("stage"))) {
                assertTrue(((String) record.get("reason")).contains("only supports single tool-calls"),
                        (String) record.get("reason"));
            }
        }
        assertEquals(result.rowsQuarantined(), stages.size());
        heldOutRowsAreTheOnesPythonPicks(out);
    }

    /** eval_share=0.3: the test split's files hold exactly the written rows Python's hashlib holds out. */
    private static void heldOutRowsAreTheOnesPythonPicks(Path out) throws Exception {
        var g = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Path.of("src/test/resources/golden/job/eval_split.json").toFile());
        java.util.Set<String> written = new java.util.TreeSet<>();
        g.path("written_ids").forEach(n -> written.add(n.asText()));
        java.util.Set<String> expected = new java.util.TreeSet<>();
        g.path("held_out").forEach(n -> {
            if (written.contains(n.asText())) {
                expected.add(n.asText());
            }
        });
        java.util.Set<String> test = new java.util.TreeSet<>();
        java.util.Set<String> train = new java.util.TreeSet<>();
        spark.read().parquet(out.resolve("data").resolve("test-*.parquet").toString()).collectAsList()
                .forEach(r -> test.add(r.getAs("id")));
        spark.read().parquet(out.resolve("data").resolve("train-*.parquet").toString()).collectAsList()
                .forEach(r -> train.add(r.getAs("id")));
        assertEquals(expected, test);
        java.util.Set<String> rest = new java.util.TreeSet<>(written);
        rest.removeAll(expected);
        assertEquals(rest, train);
        String card = Files.readString(out.resolve("README.md"));
        assertTrue(card.contains("  - split: test\n    path: data/test-*.parquet\n"), card);
        assertTrue(card.contains("  - name: test\n    num_examples: " + expected.size() + "\n"), card);
    }

    @Test
    void realRunsAreByteIdenticalAndTheCommandLineWorks() throws Exception {
        Path a = dir.resolve("cli-a");
        Path b = dir.resolve("cli-b");
        String[] common = {"--input", INPUT.toString(), "--tokenizer", TOKENIZER.toString(),
                "--chat-template", TEMPLATE.toString(), "--max-length", "1024",
                "--now", "2026-01-01T00:00:00", "--num-shards", "3", "--progress-interval-seconds", "600",
                "--max-quarantine-share", "1"};
        assertEquals(0, Main.run(concat(new String[]{"run", "--output", a.toString()}, common)));
        assertEquals(0, Main.run(concat(new String[]{"run", "--output", b.toString(), "--set", "split_size_mb=0.005"}, common)));
        List<Path> filesA = JobTestSupport.files(a.resolve("data"));
        List<Path> filesB = JobTestSupport.files(b.resolve("data"));
        assertEquals(3, filesA.size());
        for (int i = 0; i < filesA.size(); i++) {
            assertEquals(filesA.get(i).getFileName(), filesB.get(i).getFileName());
            assertArrayEquals(Files.readAllBytes(filesA.get(i)), Files.readAllBytes(filesB.get(i)));
        }
        // The output exists now: error-if-exists refuses with exit code 4 and leaves it as it was.
        assertEquals(4, Main.run(concat(new String[]{"run", "--output", a.toString()}, common)));
        assertArrayEquals(Files.readAllBytes(filesB.get(0)), Files.readAllBytes(filesA.get(0)));
        assertEquals(2, Main.run(new String[]{"run", "--max-lenght", "5"}));
    }

    @Test
    void exitCodesTellASchedulerWhatWentWrong() throws Exception {
        String[] common = {"--tokenizer", TOKENIZER.toString(), "--chat-template", TEMPLATE.toString(),
                "--now", "2026-01-01T00:00:00", "--progress-interval-seconds", "600"};
        // Input: nothing matches.
        assertEquals(3, Main.run(concat(new String[]{"run", "--input", dir.resolve("nothing-*.jsonl").toString(),
                "--output", dir.resolve("codes-none").toString()}, common)));
        // Quality gate: the real mixed rows quarantine 6 of 28, above the default 5%; kept aside, not published.
        Path rejected = dir.resolve("codes-rejected");
        assertEquals(5, Main.run(concat(new String[]{"run", "--input", INPUT.toString(), "--output",
                rejected.toString()}, common)));
        assertFalse(Files.exists(rejected));
        assertTrue(Files.exists(dir.resolve("codes-rejected.rejected/manifest.json")));
        // Output: the run's own input would be replaced.
        assertEquals(4, Main.run(concat(new String[]{"run", "--input", INPUT.toString(), "--output",
                INPUT.getParent().toString(), "--mode", "overwrite", "--force"}, common)));
        // Configuration.
        assertEquals(2, Main.run(concat(new String[]{"run", "--input", INPUT.toString(), "--output",
                dir.resolve("codes-bad").toString(), "--max-length", "3.7"}, common)));
    }

    @Test
    void aFailedSparkTaskIsReportedAsOneLineNamingItsReason() throws Exception {
        Path input = Files.createDirectories(dir.resolve("corrupt-input"));
        Files.write(input.resolve("rows.parquet"), "PAR1 this is not a Parquet file".getBytes());
        Path out = dir.resolve("corrupt-output");
        StringBuilder stderr = new StringBuilder();
        int code = runCapturingStderr(input, TOKENIZER, out, stderr);
        String text = stderr.toString();
        List<String> failure = text.lines().filter(l -> l.startsWith("chatprep run: ")).toList();
        assertEquals(3, code, text); // an input error: the file is not what its name says
        assertEquals(1, failure.size(), text);
        String line = failure.get(0);
        assertTrue(line.matches("chatprep run: Spark task \\d+ of stage [\\d.]+ failed( \\d+ times)?: .*"), line);
        assertTrue(line.contains("cannot read input file file:" + input.resolve("rows.parquet") + ": "), line);
        assertTrue(!text.contains("\tat org.apache.spark"), text);
        assertTrue(!Files.exists(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "parquet"})
    void aTokenizerThatCannotLoadStopsTheRunBeforeAnyTask(String format) throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken-tokenizer-" + format));
        Files.writeString(broken.resolve("tokenizer.json"), "{\"model\": {");
        Path out = dir.resolve("broken-tokenizer-output-" + format);
        Path input = INPUT;
        if (format.equals("parquet")) {
            // Reading Parquet input starts a job of its own (the schema), which must not start either.
            input = dir.resolve("parquet-input");
            spark.range(3).write().parquet(input.toString());
        }
        spark.range(1).count(); // a job the tracker must list, so the count below is known to see jobs
        int jobsBefore = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        assertTrue(jobsBefore > 0);
        StringBuilder stderr = new StringBuilder();
        int code = runCapturingStderr(input, broken, out, stderr);
        String text = stderr.toString();
        assertEquals(1, code, text);
        assertTrue(text.contains("chatprep run: " + broken + "/tokenizer.json: not a valid HuggingFace tokenizer ("),
                text);
        assertEquals(jobsBefore, spark.sparkContext().statusTracker().getJobIdsForGroup(null).length,
                "no Spark job may start");
        assertTrue(!Files.exists(out));
    }

    @Test
    void dryRunRendersTheFirstRowsAndWritesNothing() {
        Path out = dir.resolve("dry");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        int code;
        try {
            code = Main.run(new String[]{"run", "--dry-run", "--input", INPUT.toString(), "--tokenizer",
                    TOKENIZER.toString(), "--chat-template", TEMPLATE.toString(), "--output", out.toString(),
                    "--set", "dry_run_rows=2"});
        } finally {
            System.setOut(stdout);
        }
        String text = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertEquals(2, text.split("\n=== ", -1).length - 1, text);
        assertTrue(text.contains("<|start_header_id|>assistant<|end_header_id|>"), text);
        assertTrue(text.contains("dry run: nothing written"), text);
        assertTrue(!Files.exists(out));
    }

    /** {@code chatprep run} of {@code input} with the test template; what it prints on stderr goes to {@code stderr}. */
    private static int runCapturingStderr(Path input, Path tokenizer, Path out, StringBuilder stderr) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            return Main.run(new String[]{"run", "--input", input.toString(), "--tokenizer", tokenizer.toString(),
                    "--chat-template", TEMPLATE.toString(), "--output", out.toString(),
                    "--progress-interval-seconds", "600"});
        } finally {
            System.setErr(original);
            stderr.append(captured.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
