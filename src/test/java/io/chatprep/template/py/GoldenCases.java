package io.chatprep.template.py;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Replays golden cases written by scripts/reference/make_py_goldens.py: each case holds inputs and Python's
 * result (type name and repr) or exception (type and message).
 */
final class GoldenCases {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One golden case. */
    static final class Case {
        final int line;
        final String kind;
        final JsonNode input;
        final JsonNode out;
        final JsonNode error;

        Case(int line, JsonNode node) {
            this.line = line;
            this.kind = node.get("kind").asText();
            this.input = node.get("in");
            this.out = node.get("out");
            this.error = node.get("error");
        }

        Object value(String field) {
            return decode(input.get(field));
        }

        String text(String field) {
            return input.get(field).asText();
        }

        @SuppressWarnings("unchecked")
        List<Object> list(String field) {
            return (List<Object>) decode(input.get(field));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String field) {
            return (Map<String, Object>) decode(input.get(field));
        }

        @Override
        public String toString() {
            String text = input.toString();
            return "line " + line + " " + kind + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    private GoldenCases() {
    }

    static List<Case> load(String file) {
        String resource = "/golden/py/" + file;
        try (InputStream in = GoldenCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Case> cases = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    cases.add(new Case(number, MAPPER.readTree(line)));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Decodes the tagged JSON of the golden files into the Python value model. */
    static Object decode(JsonNode node) {
        if (node == null || node.isNull()) {
            return PyNone.NONE;
        }
        if (node.isObject()) {
            if (node.has("$undef")) {
                return null;
            }
            if (node.has("$view")) {
                String method = node.get("$view").asText().substring("dict_".length());
                return PyMethods.call(decode(node.get("of")), method, List.of(), Map.of());
            }
            if (node.has("$tuple")) {
                return PyTuple.copyOf(decodeList(node.get("$tuple")));
            }
            if (node.has("$float")) {
                switch (node.get("$float").asText()) {
                    case "nan":
                        return Double.NaN;
                    case "inf":
                        return Double.POSITIVE_INFINITY;
                    default:
                        return Double.NEGATIVE_INFINITY;
                }
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            if (node.has("$dict")) {
                for (JsonNode pair : node.get("$dict")) {
                    map.put(decode(pair.get(0)), decode(pair.get(1)));
                }
            } else {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    map.put(field.getKey(), decode(field.getValue()));
                }
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            return Collections.unmodifiableList(decodeList(node));
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        return node.doubleValue();
    }

    private static List<Object> decodeList(JsonNode node) {
        List<Object> list = new ArrayList<>();
        for (JsonNode item : node) {
            list.add(decode(item));
        }
        return list;
    }

    /** Checks one case: the same result type and repr, or the same exception type (and message unless excused). */
    static void check(Case c, Function<Case, Object> evaluate) {
        Object actual;
        try {
            actual = evaluate.apply(c);
        } catch (PyException e) {
            if (c.error == null) {
                fail(c + ": expected " + c.out + " but raised " + e);
            }
            assertEquals(c.error.get("type").asText(), e.pyType(), () -> c + ": exception type (" + e + ")");
            if (!e.pyType().equals("UndefinedError")) {
                assertEquals(c.error.get("msg").asText(), e.getMessage(), () -> c + ": exception message");
            }
            return;
        }
        if (c.error != null) {
            fail(c + ": expected " + c.error + " but returned " + PyStr.repr(actual));
        }
        assertEquals(c.out.get("repr").asText(), PyStr.repr(actual), () -> c + ": repr");
        assertEquals(c.out.get("type").asText(), PyTypes.typeName(actual), () -> c + ": type");
    }

    static Stream<DynamicTest> tests(String file, Function<Case, Object> evaluate) {
        return load(file).stream().map(c -> DynamicTest.dynamicTest(c.kind + " #" + c.line, () -> check(c, evaluate)));
    }
}
