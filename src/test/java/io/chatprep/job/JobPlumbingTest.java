package io.chatprep.job;

import io.chatprep.encode.RowJson;
import io.chatprep.job.output.OutputRefusedException;

import io.chatprep.encode.EncodedRow;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.tasks.EncoderFactory;
import io.chatprep.job.input.RowConverter;
import io.chatprep.job.output.OutputRefusedException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.chatprep.job.JobTestSupport.MIXED;
import static io.chatprep.job.JobTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job's plumbing (reading, quarantine, counts, sharding, determinism, atomic output) with a small
 * deterministic test encoder, so these properties are checked independently of template and tokenizer.
 */
@Tag("spark")
class JobPlumbingTest {
    /** Counted in this JVM: tasks run in the test's JVM but get serialized copies of captured variables. */
    /**
     * Encoders whose tasks die on their first row in every task's first attempt. A row's exception would be
     * quarantined, so they throw an Error, as a task that runs out of memory does; opening one works anywhere
     * (the driver of a local run opens one before the job starts).
     */
    static final class FailsFirstAttempt implements EncoderFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public io.chatprep.job.tasks.RowEncoder open(io.chatprep.encode.EncoderSpec spec) {
            CharacterEncoder rows = new CharacterEncoder();
            return new io.chatprep.job.tasks.RowEncoder() {
                @Override
                public io.chatprep.encode.EncodedRow encode(Map<String, Object> row)
                        throws io.chatprep.encode.RowRejectedException {
                    if (org.apache.spark.TaskContext.get().attemptNumber() == 0) {
                        FIRST_ATTEMPT_FAILURES.incrementAndGet();
                        throw new AttemptKilled();
                    }
                    return rows.encode(row);
                }

                @Override
                public void close() {
                    rows.close();
                }
            };
        }
    }

    static final class AttemptKilled extends Error {
        AttemptKilled() {
            super("first attempt of every task dies here");
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger FIRST_ATTEMPT_FAILURES = new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    static Path dir;
    static Path tokenizer;
    static SparkSession spark;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkTestSession.get();
        tokenizer = Files.createDirectories(dir.resolve("tokenizer"));
        Files.writeString(tokenizer.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("marked.jinja"),
                "{% for m in messages %}{% generation %}{{ m.content }}{% endgeneration %}{% endfor %}");
    }

    private JobResult run(JobConfig config, EncoderFactory factory) {
        return new ChatPrepJob(spark, factory, new PrintStream(new ByteArrayOutputStream())).run(config);
    }

    private JobConfig mixed(Path output, String... extra) {
        String[] settings = new String[extra.length + 2];
        settings[0] = "chat_template=" + dir.resolve("marked.jinja");
        settings[1] = "max_length=200";
        System.arraycopy(extra, 0, settings, 2, extra.length);
        return config(MIXED, output, tokenizer, settings);
    }

    @Test
    void mixedInputIsCountedQuarantinedAndWrittenExactlyAsEncoded() throws Exception {
        Path out = dir.resolve("mixed-out");
        JobConfig config = mixed(out);
        JobResult result = run(config, CharacterEncoder.factory());

        assertEquals(14, result.rowsRead());
        assertEquals(7, result.rowsWritten());
        assertEquals(6, result.rowsQuarantined());
        assertEquals(1, result.rowsFiltered());
        assertEquals(Map.of("parse", 1L, "convert", 3L, "render", 1L, "mask", 1L), result.stats().quarantinedByStage());

        // Every written row equals the encoder's own output for that source line.
        Map<Long, String> lines = JobTestSupport.linesByOffset(MIXED);
        RowConverter converter = new RowConverter(config);
        CharacterEncoder encoder = new CharacterEncoder();
        List<Row> data = JobTestSupport.readData(spark, out);
        assertEquals(7, data.size());
        for (Row row : data) {
            String id = row.getAs("id");
            long offset = Long.parseLong(id.substring(id.indexOf(':') + 1));
            EncodedRow expected = encoder.encode(converter.convert(RowJson.parse(lines.get(offset))));
            assertArrayEquals(expected.inputIds(), JobTestSupport.ints(row, "input_ids"), id);
            assertArrayEquals(expected.labels(), JobTestSupport.ints(row, "labels"), id);
            assertEquals(expected.numTrainedTokens(), (int) row.getAs("num_trained_tokens"), id);
            assertEquals(expected.numTokens(), (int) row.getAs("num_tokens"), id);
        }

        // Quarantine keeps each rejected line unchanged, with stage and reason.
        List<String> quarantine = JobTestSupport.readLines(out.resolve("quarantine"));
        assertEquals(6, quarantine.size());
        Map<String, String> stageByRaw = new HashMap<>();
        for (String q : quarantine) {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = (Map<String, Object>) RowJson.parse(q);
            String raw = (String) record.get("raw");
            assertEquals(raw, lines.get((Long) record.get("source_position")), "raw line kept unchanged");
            var id = java.util.regex.Pattern.compile("\"id\": \"([^\"]+)\"").matcher(raw);
            stageByRaw.put(id.find() ? id.group(1) : raw, (String) record.get("stage"));
            assertFalse(((String) record.get("reason")).isBlank());
        }
        assertEquals(Map.of("malformed", "parse", "wrong-type", "convert", "unknown-role", "convert",
                "template-rejects", "render", "no-assistant", "mask", "[1, 2, 3]", "convert"), stageByRaw);

        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"read\" : 14"), manifest);
        assertTrue(manifest.contains("\"filtered_max_length\" : 1"), manifest);
        assertTrue(Files.readString(out.resolve("README.md")).contains("path: data/train-*.parquet"));
        // Without num_shards, files follow the input splits: this small file is one split.
        assertEquals(List.of("train-00000-of-00001.parquet"),
                JobTestSupport.files(out.resolve("data")).stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(JobTestSupport.files(out).stream().noneMatch(p -> p.toString().endsWith(".crc")));
        manifestFingerprintsWhatTheRunReadAndWrote(out);
    }

    /** The input file's size and time as the filesystem has them; every output file's size and hash as on disk. */
    private static void manifestFingerprintsWhatTheRunReadAndWrote(Path out) throws Exception {
        com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("manifest.json").toFile());
        com.fasterxml.jackson.databind.JsonNode input = m.path("input").path("fingerprint");
        assertEquals(1, input.size(), input.toString());
        assertEquals(MIXED.toUri().getPath(), java.net.URI.create(input.get(0).path("path").asText()).getPath());
        assertEquals(Files.size(MIXED), input.get(0).path("bytes").asLong());
        assertEquals(Files.getLastModifiedTime(MIXED).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                java.time.Instant.parse(input.get(0).path("modified").asText()));
        Map<String, String> expected = new java.util.TreeMap<>();
        Map<String, Long> sizes = new java.util.TreeMap<>();
        for (Path f : JobTestSupport.files(out)) {
            String name = out.relativize(f).toString();
            if (!name.equals("manifest.json") && !name.equals("report.html")) {
                expected.put(name, java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                sizes.put(name, Files.size(f));
            }
        }
        Map<String, String> recorded = new java.util.TreeMap<>();
        Map<String, Long> recordedSizes = new java.util.TreeMap<>();
        for (com.fasterxml.jackson.databind.JsonNode f : m.path("files")) {
            recorded.put(f.path("path").asText(), f.path("sha256").asText());
            recordedSizes.put(f.path("path").asText(), f.path("bytes").asLong());
        }
        assertTrue(expected.containsKey("README.md") && expected.keySet().stream().anyMatch(n -> n.startsWith("quarantine/")),
                expected.toString());
        assertEquals(expected, recorded);
        assertEquals(sizes, recordedSizes);
        assertEquals(spark.sparkContext().master(), m.path("spark").path("master").asText());
        assertEquals(org.apache.spark.package$.MODULE$.SPARK_VERSION(), m.path("versions").path("spark").asText());
    }

    @Test
    void identicalRunsWriteByteIdenticalShards() throws Exception {
        Path a = dir.resolve("det-a");
        Path b = dir.resolve("det-b");
        run(mixed(a, "num_shards=3"), CharacterEncoder.factory());
        // Run b reads the input in 1 KB splits: other partitions, same files.
        run(mixed(b, "num_shards=3", "split_size_mb=0.001"), CharacterEncoder.factory());
        var files = io.chatprep.job.input.InputReader.resolve(java.util.List.of(MIXED.toString()),
                io.chatprep.job.config.InputFormat.AUTO, spark.sparkContext().hadoopConfiguration());
        assertTrue(new io.chatprep.job.input.InputReader(spark, 0.001).partitions(files)
                > new io.chatprep.job.input.InputReader(spark, 16).partitions(files));
        List<Path> filesA = JobTestSupport.files(a.resolve("data"));
        List<Path> filesB = JobTestSupport.files(b.resolve("data"));
        assertEquals(filesA.stream().map(Path::getFileName).toList(), filesB.stream().map(Path::getFileName).toList());
        assertTrue(filesA.size() >= 2, "rows spread over several shards: " + filesA);
        for (int i = 0; i < filesA.size(); i++) {
            assertArrayEquals(Files.readAllBytes(filesA.get(i)), Files.readAllBytes(filesB.get(i)), filesA.get(i).toString());
        }
        assertEquals(7, JobTestSupport.readData(spark, a).size());
    }

    @Test
    void derivedIdsNameFilesBelowTheSharedDirectory() throws Exception {
        // Two files of one name in two subdirectories: by file name alone both rows would be "rows.jsonl:0".
        Path input = dir.resolve("same-names");
        String row = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, "
                + "{\"role\": \"assistant\", \"content\": \"hello\"}]}\n";
        for (String sub : List.of("a", "b/c")) {
            Files.writeString(Files.createDirectories(input.resolve(sub)).resolve("rows.jsonl"), row);
        }
        Path out = dir.resolve("same-names-out");
        run(config(input, out, tokenizer, "chat_template=" + dir.resolve("marked.jinja")), CharacterEncoder.factory());
        List<String> ids = JobTestSupport.readData(spark, out).stream().map(r -> r.<String>getAs("id")).sorted().toList();
        assertEquals(List.of("a/rows.jsonl:0", "b/c/rows.jsonl:0"), ids);
    }

    @Test
    void retriedTasksWriteTheSameRows() throws Exception {
        io.chatprep.job.tasks.EncoderCache.closeAll();
        FIRST_ATTEMPT_FAILURES.set(0);
        EncoderFactory failsFirstAttempt = new FailsFirstAttempt();
        Path retried = dir.resolve("retried");
        Path plain = dir.resolve("plain");
        JobResult r = run(mixed(retried, "num_shards=2"), failsFirstAttempt);
        run(mixed(plain, "num_shards=2"), CharacterEncoder.factory());
        assertTrue(FIRST_ATTEMPT_FAILURES.get() > 0, "some task was retried");
        assertEquals(14, r.rowsRead());
        List<Path> a = JobTestSupport.files(retried.resolve("data"));
        List<Path> b = JobTestSupport.files(plain.resolve("data"));
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(b.get(i)), Files.readAllBytes(a.get(i)));
        }
    }

    @Test
    void existingOutputIsRefusedOrReplacedAsConfigured() throws Exception {
        Path out = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(out.resolve("keep.txt"), "old");
        OutputRefusedException refused = assertThrows(OutputRefusedException.class,
                () -> run(mixed(out), CharacterEncoder.factory()));
        assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
        assertEquals("old", Files.readString(out.resolve("keep.txt")));

        // Not a chatprep output: overwrite replaces it only when forced.
        refused = assertThrows(OutputRefusedException.class,
                () -> run(mixed(out, "mode=overwrite"), CharacterEncoder.factory()));
        assertTrue(refused.getMessage().contains("is not a chatprep output") && refused.getMessage().contains("--force"),
                refused.getMessage());
        assertEquals("old", Files.readString(out.resolve("keep.txt")));
        run(mixed(out, "mode=overwrite", "force=true"), CharacterEncoder.factory());
        assertFalse(Files.exists(out.resolve("keep.txt")));
        assertTrue(Files.exists(out.resolve("manifest.json")));

        // A chatprep output is replaced without force.
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        run(mixed(out, "mode=overwrite"), CharacterEncoder.factory());
        assertFalse(java.util.Arrays.equals(manifest, Files.readAllBytes(out.resolve("manifest.json"))));
        assertEquals(List.of("existing"), siblingsNamed("existing"));
    }

    @Test
    void failedRunLeavesNoOutputAndNoStaging() throws Exception {
        Path out = dir.resolve("failed");
        EncoderFactory broken = spec -> {
            throw new IllegalStateException("tokenizer cannot load");
        };
        assertThrows(Exception.class, () -> run(mixed(out), broken));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), siblingsNamed("failed"));

        // Overwrite mode: an old output survives a failed run untouched.
        Path old = Files.createDirectories(dir.resolve("failed-overwrite"));
        Files.writeString(old.resolve("keep.txt"), "old");
        assertThrows(IllegalStateException.class, () -> run(mixed(old, "mode=overwrite", "force=true"), broken));
        assertEquals("old", Files.readString(old.resolve("keep.txt")));
        assertEquals(List.of("failed-overwrite"), siblingsNamed("failed-overwrite"));
    }

    @Test
    void packingFitsRowsIntoPacksAndKeepsEveryToken() throws Exception {
        Path out = dir.resolve("packed");
        JobResult result = run(mixed(out, "pack_length=256", "num_shards=1"), CharacterEncoder.factory());
        List<Row> packs = JobTestSupport.readData(spark, out);
        long tokens = 0;
        int rows = 0;
        for (Row p : packs) {
            int[] ids = JobTestSupport.ints(p, "input_ids");
            int[] seq = JobTestSupport.ints(p, "seq_lengths");
            assertTrue(ids.length <= 256);
            assertEquals(ids.length, java.util.Arrays.stream(seq).sum());
            assertEquals(ids.length, JobTestSupport.ints(p, "labels").length);
            assertEquals(seq.length, p.getList(p.fieldIndex("ids")).size());
            tokens += ids.length;
            rows += seq.length;
        }
        assertEquals(result.totalTokens(), tokens);
        assertEquals(7, rows);
        assertTrue(packs.size() < 7, "rows share packs");
        assertEquals(packs.size(), result.outputRows());
    }

    @Test
    void truncateKeepsTheStartAndQuarantinesRowsLeftUntrained() throws Exception {
        Path out = dir.resolve("truncated");
        JobResult result = run(config(MIXED, out, tokenizer, "chat_template=" + dir.resolve("marked.jinja"),
                "max_length=30", "max_length_policy=truncate"), CharacterEncoder.factory());
        assertEquals(0, result.rowsFiltered());
        assertTrue(result.stats().truncated() > 0);
        assertEquals(result.rowsRead(), result.rowsWritten() + result.rowsQuarantined());
        assertTrue(result.quarantinedByReason().keySet().stream().anyMatch(r -> r.contains("after truncation to 30")),
                result.quarantinedByReason().toString());
        Map<Long, String> lines = JobTestSupport.linesByOffset(MIXED);
        RowConverter converter = new RowConverter(mixed(out));
        for (Row row : JobTestSupport.readData(spark, out)) {
            int[] ids = JobTestSupport.ints(row, "input_ids");
            assertTrue(ids.length <= 30);
            String id = row.getAs("id");
            EncodedRow full = new CharacterEncoder().encode(converter.convert(RowJson.parse(
                    lines.get(Long.parseLong(id.substring(id.indexOf(':') + 1))))));
            assertArrayEquals(java.util.Arrays.copyOf(full.inputIds(), ids.length), ids, "keeps the start of " + id);
        }

        JobResult kept = run(config(MIXED, dir.resolve("kept"), tokenizer, "chat_template=" + dir.resolve("marked.jinja"),
                "max_length=30", "max_length_policy=keep"), CharacterEncoder.factory());
        assertEquals(8, kept.rowsWritten());
        assertTrue(kept.stats().maxLength() > 30);
    }

    @Test
    void encoderIsBuiltOncePerJvmAndSpec() {
        io.chatprep.job.tasks.EncoderCache.closeAll();
        CharacterEncoder.OPENED.set(0);
        run(mixed(dir.resolve("cache-a"), "num_shards=2", "split_size_mb=0.001"), CharacterEncoder.factory());
        assertEquals(1, CharacterEncoder.OPENED.get());
        // Clearing caches keeps the encoder: the next run with the same spec opens none.
        CharacterEncoder.CLEARED.set(0);
        io.chatprep.job.tasks.EncoderCache.clearCaches();
        assertEquals(1, CharacterEncoder.CLEARED.get());
        run(mixed(dir.resolve("cache-b"), "num_shards=2"), CharacterEncoder.factory());
        assertEquals(1, CharacterEncoder.OPENED.get());
    }

    private static List<String> siblingsNamed(String name) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(name)).sorted().toList();
        }
    }
}
