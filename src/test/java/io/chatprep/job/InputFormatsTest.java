package io.chatprep.job;

import io.chatprep.job.config.JobConfig;
import io.chatprep.job.input.InputException;
import org.apache.spark.sql.Dataset;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parquet input (structs, JSON-string tools, id column), globs over mixed formats, and the DataFrame API. */
@Tag("spark")
class InputFormatsTest {
    @TempDir
    static Path dir;
    static Path tokenizer;
    static SparkSession spark;
    static Path parquet;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkTestSession.get();
        tokenizer = Files.createDirectories(dir.resolve("tokenizer"));
        Files.writeString(tokenizer.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("marked.jinja"), "{% generation %}{{ messages }}{% endgeneration %}");
        Path json = dir.resolve("rows.json");
        Files.writeString(json, String.join("\n",
                "{\"uid\": \"p1\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Yo\"}], \"tools\": \"[{\\\"type\\\": \\\"function\\\", \\\"function\\\": {\\\"name\\\": \\\"f\\\"}}]\"}",
                "{\"uid\": \"p2\", \"messages\": [{\"role\": \"user\", \"content\": \"2+2?\"}, {\"role\": \"assistant\", \"content\": \"4\"}]}",
                "{\"uid\": \"p3\", \"messages\": null}"));
        parquet = dir.resolve("in-parquet");
        spark.read().json(json.toString()).coalesce(1).write().parquet(parquet.toString());
    }

    private JobConfig config(Path input, Path output, String... extra) {
        String[] settings = new String[extra.length + 1];
        settings[0] = "chat_template=" + dir.resolve("marked.jinja");
        System.arraycopy(extra, 0, settings, 1, extra.length);
        return JobTestSupport.config(input, output, tokenizer, settings);
    }

    private ChatPrepJob job() {
        return new ChatPrepJob(spark, CharacterEncoder.factory(), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void parquetRowsAreReadWithTheirIdColumn() throws Exception {
        Path out = dir.resolve("from-parquet");
        JobResult r = job().run(config(parquet, out, "id_column=uid"));
        assertEquals(3, r.rowsRead());
        assertEquals(2, r.rowsWritten());
        assertEquals(Map.of("convert: the 'messages' column is null", 1L), r.quarantinedByReason());
        Map<String, Integer> trained = new TreeMap<>();
        for (Row row : JobTestSupport.readData(spark, out)) {
            trained.put(row.getAs("id"), row.getAs("num_trained_tokens"));
        }
        // "Yo</s>" and "4</s>" are the trained characters.
        assertEquals(Map.of("p1", 6, "p2", 5), trained);
        String quarantined = String.join("\n", JobTestSupport.readLines(out.resolve("quarantine")));
        assertTrue(quarantined.contains("\\\"uid\\\":\\\"p3\\\""), quarantined);
    }

    @Test
    void globsMixJsonlAndParquet() throws Exception {
        Path mixed = Files.createDirectories(dir.resolve("mixed-formats"));
        Files.copy(JobTestSupport.MIXED, mixed.resolve("a.jsonl"));
        try (var files = Files.list(parquet)) {
            // In a subdirectory whose name needs escaping in a URI, as Spark reports a Parquet row's file.
            Files.copy(files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(),
                    Files.createDirectories(mixed.resolve("sub dir")).resolve("b.parquet"));
        }
        Path out = dir.resolve("from-glob");
        JobResult r = job().run(config(mixed.resolve("*"), out, "max_length=200"));
        assertEquals(14 + 3, r.rowsRead());
        assertEquals(7 + 2, r.rowsWritten());
        // Parquet rows are named by their file below the shared directory and their row index (p1, p2 are written).
        List<String> parquetIds = JobTestSupport.readData(spark, out).stream().map(row -> row.<String>getAs("id"))
                .filter(id -> id.contains("parquet")).sorted().toList();
        assertEquals(List.of("sub dir/b.parquet:0", "sub dir/b.parquet:1"), parquetIds);
    }

    @Test
    void namedHiddenFilesAndGlobLikeDirectoriesAreReadAndSkippedFilesReported() throws Exception {
        Path root = Files.createDirectories(dir.resolve("names"));
        Path plain = Files.createDirectories(root.resolve("plain"));
        List<String> lines = Files.readAllLines(JobTestSupport.MIXED).stream().filter(l -> !l.isBlank()).toList();
        Files.write(plain.resolve("a.jsonl"), lines.subList(0, 2));
        Files.write(plain.resolve("_b.jsonl"), lines.subList(2, 3));
        Files.write(plain.resolve(".c.jsonl"), lines.subList(3, 4));
        Path weird = Files.createDirectories(root.resolve("we ird[1]"));
        try (var files = Files.list(parquet)) {
            Path part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.copy(part, weird.resolve("p.parquet"));
            Files.copy(part, root.resolve("_q.parquet"));
        }
        Path out = dir.resolve("from-names");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        JobResult r = new ChatPrepJob(spark, CharacterEncoder.factory(), new PrintStream(console, true,
                java.nio.charset.StandardCharsets.UTF_8)).run(config(plain, out, "input=" + plain.resolve("_b.jsonl"),
                "input=" + weird, "input=" + root.resolve("_q.parquet")));
        // a.jsonl (2 rows), the named _b.jsonl (1), and the 3 rows of each Parquet file; .c.jsonl is skipped.
        assertEquals(2 + 1 + 3 + 3, r.rowsRead());
        assertTrue(console.toString(java.nio.charset.StandardCharsets.UTF_8).contains("chatprep: skipped 1 hidden file(s) "
                + "in input directories (names starting with '.' or '_'; name one as an input to read it): file:"
                + plain.resolve(".c.jsonl")), console.toString(java.nio.charset.StandardCharsets.UTF_8));
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(1, manifest.at("/input/skipped_hidden/count").asInt());
        assertEquals("file:" + plain.resolve(".c.jsonl"), manifest.at("/input/skipped_hidden/paths/0").asText());
    }

    @Test
    void aParquetFileOfManyRowGroupsIsReadInParallel() throws Exception {
        var schema = org.apache.parquet.schema.MessageTypeParser.parseMessageType(
                "message row { required binary text (STRING); }");
        Path file = dir.resolve("many-groups.parquet");
        var groups = new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema);
        java.util.Random random = new java.util.Random(3);
        try (var writer = org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(
                new org.apache.hadoop.fs.Path(file.toUri())).withType(schema).withRowGroupSize(64 * 1024).build()) {
            for (int i = 0; i < 20_000; i++) {
                writer.write(groups.newGroup().append("text", Long.toString(random.nextLong(), 36).repeat(3)));
            }
        }
        assertTrue(Files.size(file) > 600 * 1024, "size " + Files.size(file)); // over two 256 KB splits
        var files = io.chatprep.job.input.InputReader.resolve(List.of(file.toString()),
                io.chatprep.job.config.InputFormat.AUTO, spark.sparkContext().hadoopConfiguration());
        List<Integer> perPartition = new io.chatprep.job.input.InputReader(spark, 16).read(files)
                .mapPartitions(it -> {
                    int n = 0;
                    for (; it.hasNext(); it.next()) {
                        n++;
                    }
                    return List.of(n).iterator();
                }).collect();
        assertEquals(20_000, perPartition.stream().mapToInt(Integer::intValue).sum());
        // Two cores: at least two tasks get rows (Spark's Parquet source put a file under 4 MB in one).
        assertTrue(perPartition.stream().filter(n -> n > 0).count() >= 2, perPartition.toString());
    }

    @Test
    void blankInputFailsAsAnInputErrorAndWritesNothing() throws Exception {
        // An empty dataset is no training data, and load_dataset cannot open a directory without rows.
        Path blank = dir.resolve("blank.jsonl");
        Files.writeString(blank, "\n  \n");
        Path out = dir.resolve("from-blank");
        InputException e = assertThrows(InputException.class, () -> job().run(config(blank, out)));
        assertTrue(e.getMessage().startsWith("the input holds no rows"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".from-blank")));
        }
    }

    @Test
    void transformEncodesADataFrameWithoutWriting() throws Exception {
        Dataset<Row> conversations = spark.read().parquet(parquet.toString());
        List<Row> rows = job().transform(conversations, config(parquet, dir.resolve("unused")))
                .orderBy("id").collectAsList();
        assertEquals(3, rows.size());
        assertEquals("dataframe:0", rows.get(0).getAs("id"));
        assertEquals("written", rows.get(0).getAs("outcome"));
        int[] ids = JobTestSupport.ints(rows.get(0), "input_ids");
        assertArrayEquals("<user>Hi\n<assistant>Yo</s>".codePoints().toArray(), ids);
        Row rejected = rows.get(2);
        assertEquals("quarantined", rejected.getAs("outcome"));
        assertEquals("convert", rejected.getAs("stage"));
        assertNull(rejected.getAs("input_ids"));
    }
}
