package io.chatprep.encode;

import io.chatprep.template.py.PyException;
import io.chatprep.template.py.PyJson;

import java.io.IOException;
import java.util.Map;

/**
 * Dataset lines to rows in the Python value model, exactly as Python's {@code json.loads} builds them (key order,
 * int vs float, None), so the templates see what transformers would.
 */
public final class RowJson {
    private RowJson() {
    }

    /** Parses one JSON value; the exception message says what is wrong. */
    public static Object parse(String json) throws IOException {
        try {
            return PyJson.parse(json);
        } catch (PyException e) {
            throw new IOException(e.getMessage(), e);
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
}
