package io.chatprep.job.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatprep.template.py.PyNone;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Json feature decoder against what HF datasets' own decoder (pandas' ujson_loads) made of the same texts
 * (scripts/reference/make_input_goldens.py): every float bit, integer, surrogate quirk and failure.
 */
class DatasetsJsonTest {
    private static final Path CASES = Path.of("src/test/resources/golden/inputs/datasets_json.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void decodesEveryTextAsDatasetsDoes() throws IOException {
        List<String> lines = Files.readAllLines(CASES, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 2000, "cases: " + lines.size());
        int failures = 0;
        for (String line : lines) {
            JsonNode c = JSON.readTree(line);
            String text = c.get("text").asText();
            String label = text.length() > 60 ? text.substring(0, 60) + "..." : text;
            if (c.has("error")) {
                assertThrows(IOException.class, () -> DatasetsJson.loads(text), label + " should fail: "
                        + c.get("error").asText());
                failures++;
                continue;
            }
            expectValue(c.get("value"), DatasetsJson.loads(text), label);
        }
        assertTrue(failures >= 12, "error cases: " + failures);
    }

    @Test
    void datasetsReadsShortFractionsLessPreciselyThanPython() throws IOException {
        // The point of a decoder of its own: Python's json gives 0.6 and 0.3 here, datasets does not.
        assertEquals(0.6000000000000001, DatasetsJson.loads("0.6"));
        assertEquals(Map.of("p", 0.30000000000000004), DatasetsJson.loads("{\"p\": 0.3}"));
    }

    private static void expectValue(JsonNode want, Object got, String label) {
        if (want.isNull()) {
            assertEquals(PyNone.NONE, got, label);
        } else if (want.isBoolean()) {
            assertEquals(want.asBoolean(), got, label);
        } else if (want.isTextual()) {
            assertEquals(want.asText(), got, label);
        } else if (want.isArray()) {
            List<?> list = assertInstanceOf(List.class, got, label);
            assertEquals(want.size(), list.size(), label);
            for (int i = 0; i < want.size(); i++) {
                expectValue(want.get(i), list.get(i), label + "[" + i + "]");
            }
        } else if (want.has("float")) {
            double expected = parseHex(want.get("float").asText());
            double actual = assertInstanceOf(Double.class, got, label);
            if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
                fail(label + ": expected " + expected + " but was " + actual);
            }
        } else if (want.has("int")) {
            assertTrue(got instanceof Long || got instanceof BigInteger, label + ": " + got);
            assertEquals(new BigInteger(want.get("int").asText()), new BigInteger(got.toString()), label);
        } else if (want.has("dict")) {
            Map<?, ?> map = assertInstanceOf(Map.class, got, label);
            assertEquals(want.get("dict").size(), map.size(), label);
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            for (JsonNode pair : want.get("dict")) {
                Map.Entry<?, ?> e = entries.next();
                assertEquals(pair.get(0).asText(), e.getKey(), label);
                expectValue(pair.get(1), e.getValue(), label + "." + e.getKey());
            }
        } else if (want.has("empty_lists_nested")) {
            int depth = 0;
            for (Object v = got; v instanceof List<?> l; v = l.isEmpty() ? null : l.get(0)) {
                depth++;
            }
            assertEquals(want.get("empty_lists_nested").asInt(), depth, label);
        } else {
            fail("unknown expectation " + want);
        }
    }

    /** Python's float.hex(), which writes infinities as words. */
    private static double parseHex(String hex) {
        return switch (hex) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(hex);
        };
    }
}
