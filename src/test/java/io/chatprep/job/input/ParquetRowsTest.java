package io.chatprep.job.input;

import io.chatprep.encode.ConversationEncoder;
import io.chatprep.encode.EncodedRow;
import io.chatprep.job.config.JobConfigLoader;
import io.chatprep.template.py.PyNone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parquet records to encoder rows without Spark: each file's own schema, datasets' JSON-typed values decoded, JSON text
 * columns parsed; the tokens must equal what transformers gives for the rows HF datasets reads back.
 */
class ParquetRowsTest {
    static ConversationEncoder encoder;
    static RowConverter converter;

    @BeforeAll
    static void open() {
        encoder = InputGoldens.encoder();
        converter = new RowConverter(new JobConfigLoader().set("tokenizer", "t").load());
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static void expectGoldens(String fixture, Path... files) throws Exception {
        Map<String, Map<String, Object>> golden = InputGoldens.of(fixture);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path file : files) {
            rows.addAll(InputGoldens.parquetRows(file));
        }
        assertEquals(golden.size(), rows.size(), fixture);
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("id");
            Map<String, Object> g = golden.get(id);
            EncodedRow encoded = encoder.encode(converter.convert(row));
            assertArrayEquals(InputGoldens.ints(g.get("input_ids")), encoded.inputIds(), fixture + " " + id);
            assertArrayEquals(InputGoldens.ints(g.get("labels")), encoded.labels(), fixture + " " + id);
        }
    }

    @Test
    void eachFileKeepsItsOwnSchema() throws Exception {
        Path dir = InputGoldens.FIXTURES.resolve("schemas");
        for (Map<String, Object> row : InputGoldens.parquetRows(dir.resolve("plain.parquet"))) {
            for (Object m : (List<?>) row.get("messages")) {
                assertFalse(((Map<?, ?>) m).containsKey("reasoning_content"), "plain.parquet declares no reasoning");
            }
        }
        Map<?, ?> first = (Map<?, ?>) ((List<?>) InputGoldens.parquetRows(dir.resolve("reasoning.parquet")).get(0).get("messages")).get(0);
        // A field the file declares is there on every message, None where the row has no value (as datasets gives it).
        assertEquals(PyNone.NONE, first.get("reasoning_content"));
        expectGoldens("schemas", dir.resolve("plain.parquet"), dir.resolve("reasoning.parquet"));
    }

    @Test
    void datasetsJsonValuesAreDecodedAtAnyDepth() throws Exception {
        List<Map<String, Object>> bfcl = InputGoldens.parquetRows(InputGoldens.FIXTURES.resolve("datasets/bfcl.parquet"));
        Map<?, ?> tool = (Map<?, ?>) ((List<?>) bfcl.get(0).get("tools")).get(0);
        Map<?, ?> parameters = (Map<?, ?>) ((Map<?, ?>) tool.get("function")).get("parameters");
        assertInstanceOf(Map.class, parameters.get("properties"), "tools[].function.parameters.properties is JSON-typed");
        assertInstanceOf(Map.class, ((List<?>) bfcl.get(0).get("messages")).get(0), "messages are JSON-typed");
        expectGoldens("datasets/bfcl", InputGoldens.FIXTURES.resolve("datasets/bfcl.parquet"));
        expectGoldens("datasets/mixed", InputGoldens.FIXTURES.resolve("datasets/mixed.parquet"));
    }

    @Test
    void jsonTextColumnsAreParsed() throws Exception {
        expectGoldens("strings", InputGoldens.FIXTURES.resolve("strings.parquet"));
    }

    @Test
    void jsonTypedTextThatDoesNotDecodeNamesWhereItSits() {
        Map<String, Object> row = Map.of("messages", List.of(new JsonText("{\"role\": \"user\"}"),
                new JsonText("{\"role\": ")));
        IOException e = assertThrows(IOException.class, () -> ParquetValues.decodeJson(row));
        assertTrue(e.getMessage().startsWith("messages[1] holds JSON text (Parquet JSON type) that does not decode: "),
                e.getMessage());
    }

    @Test
    void halfFloatsAreRead() {
        assertEquals(1.0, ParquetValues.halfFloat(0x3C00));
        assertEquals(-2.0, ParquetValues.halfFloat(0xC000));
        assertEquals(0x1p-24, ParquetValues.halfFloat(0x0001));
        assertEquals(65504.0, ParquetValues.halfFloat(0x7BFF));
    }
}
