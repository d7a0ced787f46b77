package io.chatprep.encode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chatprep.template.py.PyNone;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to the Python value model the templates see, as Python's {@code json.loads} builds it: objects keep
 * key order, integers stay integers (arbitrary size), other numbers are floats, null is None.
 */
public final class RowJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private RowJson() {
    }

    /** Parses one JSON value; the exception message says what is wrong and where. */
    public static Object parse(String json) throws IOException {
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null) {
                throw new IOException("empty JSON document");
            }
            if (parser.nextToken() != null) {
                throw new IOException("extra data after the JSON value");
            }
            return toPython(node);
        } catch (JsonProcessingException e) {
            throw new IOException(e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")", e);
        }
    }

    /** A parsed JSON object as a row, or an IOException naming what the line holds instead. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseRow(String json) throws IOException {
        Object value = parse(json);
        if (!(value instanceof Map)) {
            throw new IOException("expected a JSON object per line, got " + PythonTypes.name(value));
        }
        return (Map<String, Object>) value;
    }

    static Object toPython(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                map.put(field.getKey(), toPython(field.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(toPython(item));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return PyNone.NONE;
    }
}
