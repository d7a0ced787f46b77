package io.chatprep.job;

import io.chatprep.encode.RowJson;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.input.InputGoldens;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job on the input fixtures with the real Qwen3 encoder: Parquet files of differing schemas, HF datasets Parquet
 * with JSON-typed values, JSON text columns, and JSONL lines that are not UTF-8 or hold lone surrogates. Every row
 * must be written with transformers' tokens or quarantined where Python fails
 * (scripts/reference/make_input_goldens.py).
 */
@Tag("spark")
class InputFidelityTest {
    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
    }

    private static JobResult run(JobConfig config) {
        return new ChatPrepJob(spark, io.chatprep.job.tasks.EncoderFactory.conversationEncoder(),
                new PrintStream(new ByteArrayOutputStream())).run(config);
    }

    /** The golden record of an output row id ({@code <file below the fixtures>:<position>}). */
    private static Map<String, Object> golden(String id, Map<String, Map<Long, String>> parquetIds) throws Exception {
        int colon = id.lastIndexOf(':');
        String file = id.substring(0, colon);
        long position = Long.parseLong(id.substring(colon + 1));
        if (file.equals("bytes.jsonl")) {
            return InputGoldens.of("bytes").get(String.valueOf(position));
        }
        if (file.equals("schemas.jsonl")) {
            String line = JobTestSupport.linesByOffset(InputGoldens.FIXTURES.resolve(file)).get(position);
            return InputGoldens.of("schemas").get((String) ((Map<?, ?>) RowJson.parse(line)).get("id"));
        }
        String fixture = file.startsWith("schemas/") ? "schemas" : file.replace(".parquet", "");
        String rowId = parquetIds.computeIfAbsent(file, f -> {
            Map<Long, String> ids = new HashMap<>();
            try {
                List<Map<String, Object>> rows = InputGoldens.parquetRows(InputGoldens.FIXTURES.resolve(f));
                for (int i = 0; i < rows.size(); i++) {
                    ids.put((long) i, (String) rows.get(i).get("id"));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ids;
        }).get(position);
        return InputGoldens.of(fixture).get(rowId);
    }

    @Test
    void everyRowIsWrittenAsTransformersTokenizesItOrQuarantinedWherePythonFails() throws Exception {
        Path out = dir.resolve("all");
        JobResult result = run(JobTestSupport.config(InputGoldens.FIXTURES, out, InputGoldens.TOKENIZER,
                "chat_template=" + InputGoldens.TEMPLATE));
        Map<String, Map<Long, String>> parquetIds = new HashMap<>();

        long expectedWritten = 0;
        long expectedRows = 0;
        for (String fixture : List.of("schemas", "datasets/bfcl", "datasets/mixed", "strings", "bytes")) {
            for (Map<String, Object> g : InputGoldens.of(fixture).values()) {
                int copies = fixture.equals("schemas") ? 2 : 1; // the Parquet files and schemas.jsonl
                expectedRows += copies;
                expectedWritten += "written".equals(g.get("expect")) ? copies : 0;
            }
        }
        assertEquals(expectedRows, result.rowsRead());
        assertEquals(expectedWritten, result.rowsWritten());

        List<Row> data = JobTestSupport.readData(spark, out);
        assertEquals(expectedWritten, data.size());
        for (Row row : data) {
            String id = row.getAs("id");
            Map<String, Object> g = golden(id, parquetIds);
            assertEquals("written", g.get("expect"), id);
            assertArrayEquals(InputGoldens.ints(g.get("input_ids")), JobTestSupport.ints(row, "input_ids"), id);
            assertArrayEquals(InputGoldens.ints(g.get("labels")), JobTestSupport.ints(row, "labels"), id);
        }

        for (String line : JobTestSupport.readLines(out.resolve("quarantine"))) {
            Map<?, ?> q = (Map<?, ?>) RowJson.parse(line);
            String id = (String) q.get("id");
            Map<String, Object> g = golden(id, parquetIds);
            assertEquals("quarantined", g.get("expect"), id);
            assertEquals(g.get("stage"), q.get("stage"), id);
            String reason = (String) q.get("reason");
            if ("parse".equals(g.get("stage"))) {
                long bad = (Long) g.get("bad_byte");
                assertTrue(reason.startsWith(String.format("not UTF-8: byte 0x%02X at byte %d of the line (byte %d of "
                        + "the file)", (Long) g.get("byte_value"), bad, (Long) q.get("source_position") + bad)), reason);
            } else {
                assertTrue(reason.startsWith("the rendered text holds a lone surrogate U+D"), reason);
            }
        }
    }
}
