package io.chatprep.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.ChatPrep;
import io.chatprep.RunningJob;
import io.chatprep.cli.Main;
import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.RowJson;
import io.chatprep.job.config.ConfigKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a notebook does: read tool-calling rows without Spark's schema inference, transform them, run with a progress
 * listener or in the background, and end a command-line run with a line a scheduler parses.
 */
@Tag("spark")
class NotebookApiTest {
    static final Path TOKENIZER = Path.of("src/test/resources/tokenizers/qwen3").toAbsolutePath();
    static final Path TEMPLATE = Path.of("templates/qwen3_training.jinja").toAbsolutePath();

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path input;
    static List<String> lines = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkTestSession.get();
        // Two rows whose tool arguments differ only in the case of a key, as in real tool data.
        for (String key : List.of("cnpj", "CNPJ")) {
            lines.add("{\"messages\": [{\"role\": \"user\", \"content\": \"Look up 12\"}, {\"role\": \"assistant\", "
                    + "\"content\": \"\", \"tool_calls\": [{\"type\": \"function\", \"function\": {\"name\": \"lookup\", "
                    + "\"arguments\": {\"" + key + "\": \"12\"}}}]}, {\"role\": \"tool\", \"content\": \"found\"}, "
                    + "{\"role\": \"assistant\", \"content\": \"Found it.\"}]}");
        }
        input = dir.resolve("tools.jsonl");
        Files.write(input, lines);
    }

    @Test
    void toolRowsAreReadAsJsonTextAndTransformedAsTheEncoderEncodesThem() throws Exception {
        Dataset<Row> rows = ChatPrep.read(spark, input.toString());
        assertEquals(List.of("source_file", "source_position", "json", "unreadable"), List.of(rows.columns()));
        // Each row keeps its own text: no schema merges the two spellings of the key.
        assertEquals(lines, rows.orderBy("source_position").collectAsList().stream().map(r -> r.<String>getAs("json"))
                .toList());
        Dataset<Row> encoded = ChatPrep.builder(spark).option(ConfigKeys.TOKENIZER, TOKENIZER.toString())
                .option(ConfigKeys.CHAT_TEMPLATE, TEMPLATE.toString()).transform(rows).orderBy("id");
        List<Row> out = encoded.collectAsList();
        assertEquals(2, out.size());
        assertEquals("tools.jsonl:0", out.get(0).getAs("id"));
        var plan = JobPlan.prepare(new io.chatprep.job.config.JobConfigLoader().set("tokenizer", TOKENIZER.toString())
                .set("chat_template", TEMPLATE.toString()).load(), spark.sparkContext().hadoopConfiguration());
        try (ConversationEncoder encoder = ConversationEncoder.open(plan.spec())) {
            for (int i = 0; i < 2; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) RowJson.parse(lines.get(i));
                assertEquals("written", out.get(i).getAs("outcome"));
                assertArrayEquals(encoder.encode(row).inputIds(), JobTestSupport.ints(out.get(i), "input_ids"));
            }
        }
    }

    @Test
    void progressReachesAListenerAndABackgroundRunCanBePolled() throws Exception {
        List<Progress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobResult r = ChatPrep.builder(spark).option("input", input.toString()).option("output", dir.resolve("o1").toString())
                .option("tokenizer", TOKENIZER.toString()).option("chat_template", TEMPLATE.toString())
                .progressListener(seen::add).execute();
        assertEquals(2, r.rowsWritten());
        assertTrue(seen.stream().anyMatch(p -> p.step().equals("moving output into place") && p.rowsEncoded() == 2),
                seen.toString());
        RunningJob job = ChatPrep.builder(spark).option("input", input.toString())
                .option("output", dir.resolve("o2").toString()).option("tokenizer", TOKENIZER.toString())
                .option("chat_template", TEMPLATE.toString()).start();
        assertTrue(job.await(120));
        assertTrue(job.isDone());
        assertEquals(2, job.result().rowsWritten());
        assertTrue(job.progress().line().startsWith("chatprep: "), job.progress().line());
        ChatPrep.clearCaches();
    }

    @Test
    void summaryJsonIsTheLastLineOfARunSuccessfulOrNot() throws Exception {
        String[] common = {"run", "--input", input.toString(), "--tokenizer", TOKENIZER.toString(), "--chat-template",
                TEMPLATE.toString(), "--progress-interval-seconds", "600", "--summary-json"};
        JsonNode ok = lastLine(0, common, "--output", dir.resolve("s1").toString());
        assertEquals("succeeded", ok.path("status").asText());
        assertEquals(2, ok.path("rows").path("written").asLong());
        JsonNode exists = lastLine(4, common, "--output", dir.resolve("s1").toString());
        assertEquals("failed", exists.path("status").asText());
        assertEquals("output", exists.path("failure").asText());
        assertTrue(exists.path("reason").asText().contains("already exists"), exists.toString());
    }

    private static JsonNode lastLine(int expectedCode, String[] common, String... more) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            String[] argv = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(more))
                    .toArray(String[]::new);
            code = Main.run(argv);
        } finally {
            System.setOut(old);
        }
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(expectedCode, code, String.join("\n", printed));
        JsonNode line = new ObjectMapper().readTree(printed.get(printed.size() - 1));
        assertEquals(expectedCode, line.path("exit_code").asInt());
        return line;
    }
}
