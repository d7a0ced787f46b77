package io.chatprep.template.py;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out with Python's {@code json} module semantics.
 *
 * <p>{@link #parse} turns JSON into Python values (objects become unmodifiable insertion-ordered maps, arrays
 * unmodifiable lists, integers Long or BigInteger, other numbers Double, null {@link PyNone#NONE}).
 * {@link #dumps} writes exactly what {@code json.dumps} writes. Undefined (Java null) is not serializable:
 * it raises TypeError as {@code json.dumps(Undefined)} does.
 */
public final class PyJson {
    /** Deepest nesting read: about where Python's json stops (its recursion limit, 1000 frames by default). */
    public static final int MAX_DEPTH = 1000;
    /** Longest integer read: Python's int conversion refuses more digits, so json.loads fails on such a row. */
    public static final int MAX_INT_DIGITS = 4300;
    /**
     * What parsed JSON may hold: strings, keys and numbers of any length (Jackson's defaults stop strings at 20 M
     * characters and numbers at 1000, which Python's json does not), nesting to {@link #MAX_DEPTH}.
     */
    public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .maxNumberLength(Integer.MAX_VALUE)
            .maxNestingDepth(MAX_DEPTH)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().streamReadConstraints(READ_LIMITS).build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private PyJson() {
    }

    /**
     * Parses JSON text into Python values; ValueError on malformed text. Values are built straight from the
     * parser's tokens: a job parses every input row, and a tree first would allocate it twice.
     */
    public static Object parse(String json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw PyException.valueError("Expecting value: empty JSON document");
            }
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw PyException.valueError("Extra data after the JSON value");
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw PyException.valueError("invalid JSON: nested deeper than " + MAX_DEPTH + " levels, the most chatprep "
                    + "reads (Python's json stops near the same depth)");
        } catch (JsonProcessingException e) {
            throw PyException.valueError("invalid JSON " + problem(e));
        } catch (java.io.IOException e) {
            throw PyException.valueError("invalid JSON: " + e.getMessage());
        }
    }

    /**
     * "at column 75: Unexpected end-of-input: ... (start marker at column 33)": where the text broke and why,
     * without the "[Source: REDACTED ...]" wording Jackson wraps around the locations it quotes. A line is named
     * only past the first (a JSONL row is one line).
     */
    public static String problem(JsonProcessingException e) {
        String why = SOURCE_LOCATION.matcher(e.getOriginalMessage())
                .replaceAll(m -> location(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        return e.getLocation() == null ? ": " + why
                : "at " + location(e.getLocation().getLineNr(), e.getLocation().getColumnNr()) + ": " + why;
    }

    private static String location(int line, int column) {
        return (line > 1 ? "line " + line + ", " : "") + "column " + column;
    }

    private static final java.util.regex.Pattern SOURCE_LOCATION =
            java.util.regex.Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    /** The value starting at {@code token}, read up to its last token. */
    private static Object read(JsonParser parser, JsonToken token) throws java.io.IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    // A repeated key keeps its first place and takes the last value, as a Python dict does.
                    map.put(key, read(parser, parser.nextToken()));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return PyNone.NONE;
            case VALUE_NUMBER_INT:
                int digits = parser.getTextLength() - (parser.getTextCharacters()[parser.getTextOffset()] == '-' ? 1 : 0);
                if (digits > MAX_INT_DIGITS) {
                    throw PyException.valueError("invalid JSON: an integer of " + digits + " digits; Python's json refuses "
                            + "integers over " + MAX_INT_DIGITS + " digits (its int conversion limit)");
                }
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? PyTypes.normalize(parser.getBigIntegerValue()) : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            default:
                throw PyException.valueError("unsupported JSON token: " + token);
        }
    }

    /** A parsed tree as Python values, read token by token as {@link #parse(String)} reads text. */
    public static Object parse(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return PyNone.NONE;
        }
        try (JsonParser parser = node.traverse()) {
            return read(parser, parser.nextToken());
        } catch (java.io.IOException e) {
            throw PyException.valueError("invalid JSON: " + e.getMessage());
        }
    }

    /** {@code json.dumps(value, ensure_ascii=False)} with default separators, as transformers' tojson. */
    public static String dumps(Object value) {
        return dumps(value, null, null, null, false, false);
    }

    /**
     * Python's {@code json.dumps}.
     *
     * @param indent null for one line, an int (spaces) or a String used as the indent unit
     * @param itemSeparator null for the default ({@code ", "}, or {@code ","} when indenting)
     * @param keySeparator null for the default {@code ": "}
     */
    public static String dumps(Object value, Object indent, String itemSeparator, String keySeparator,
            boolean sortKeys, boolean ensureAscii) {
        String indentUnit = indentUnit(indent);
        String itemSep = itemSeparator != null ? itemSeparator : (indentUnit != null ? "," : ", ");
        String keySep = keySeparator != null ? keySeparator : ": ";
        Encoder encoder = new Encoder(indentUnit, itemSep, keySep, sortKeys, ensureAscii);
        encoder.encode(value, 0);
        return encoder.out.toString();
    }

    private static String indentUnit(Object indent) {
        if (indent == null || indent == PyNone.NONE) {
            return null;
        }
        if (indent instanceof String) {
            return (String) indent;
        }
        if (PyTypes.isIntLike(indent)) {
            long n = PyTypes.toLong(indent);
            PyLimits.checkString(Math.max(n, 0));
            return " ".repeat((int) Math.max(n, 0));
        }
        throw PyException.typeError("can't multiply sequence by non-int of type '" + PyTypes.typeName(indent) + "'");
    }

    /** One {@code json.dumps} call's state. */
    private static final class Encoder {
        final StringBuilder out = new StringBuilder();
        final String indentUnit;
        final String itemSep;
        final String keySep;
        final boolean sortKeys;
        final boolean ensureAscii;

        Encoder(String indentUnit, String itemSep, String keySep, boolean sortKeys, boolean ensureAscii) {
            this.indentUnit = indentUnit;
            this.itemSep = itemSep;
            this.keySep = keySep;
            this.sortKeys = sortKeys;
            this.ensureAscii = ensureAscii;
        }

        void encode(Object value, int level) {
            if (value instanceof String) {
                writeString((String) value);
            } else if (value == PyNone.NONE) {
                out.append("null");
            } else if (value instanceof Boolean) {
                out.append(((Boolean) value) ? "true" : "false");
            } else if (PyTypes.isIntegral(value)) {
                out.append(value.toString());
            } else if (PyTypes.isFloat(value)) {
                out.append(floatText(((Number) value).doubleValue()));
            } else if (value instanceof List && !(value instanceof PyDictView)) {
                encodeList((List<?>) value, level);
            } else if (value instanceof Map) {
                encodeMap((Map<?, ?>) value, level);
            } else {
                throw PyException.typeError("Object of type " + PyTypes.typeName(value) + " is not JSON serializable");
            }
            PyLimits.checkString(out.length());
        }

        private void newline(int level) {
            out.append('\n');
            PyLimits.checkString(out.length() + (long) indentUnit.length() * level);
            for (int i = 0; i < level; i++) {
                out.append(indentUnit);
            }
        }

        private void encodeList(List<?> list, int level) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            PyLimits.Clock clock = PyLimits.clock();
            for (Object item : list) {
                clock.tick();
                if (!first) {
                    out.append(itemSep);
                }
                first = false;
                if (indentUnit != null) {
                    newline(level + 1);
                }
                encode(item, level + 1);
            }
            if (indentUnit != null) {
                newline(level);
            }
            out.append(']');
        }

        private void encodeMap(Map<?, ?> map, int level) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            if (sortKeys) {
                entries.sort((a, b) -> PyOps.compare(a.getKey(), b.getKey(), "<"));
            }
            out.append('{');
            boolean first = true;
            PyLimits.Clock clock = PyLimits.clock();
            for (Map.Entry<?, ?> entry : entries) {
                clock.tick();
                String key = keyText(entry.getKey());
                if (!first) {
                    out.append(itemSep);
                }
                first = false;
                if (indentUnit != null) {
                    newline(level + 1);
                }
                writeString(key);
                out.append(keySep);
                encode(entry.getValue(), level + 1);
            }
            if (indentUnit != null) {
                newline(level);
            }
            out.append('}');
        }

        private String keyText(Object key) {
            if (key instanceof String) {
                return (String) key;
            }
            if (PyTypes.isFloat(key)) {
                return floatText(((Number) key).doubleValue());
            }
            if (key instanceof Boolean) {
                return ((Boolean) key) ? "true" : "false";
            }
            if (key == PyNone.NONE) {
                return "null";
            }
            if (PyTypes.isIntegral(key)) {
                return key.toString();
            }
            throw PyException.typeError("keys must be str, int, float, bool or None, not " + PyTypes.typeName(key));
        }

        private void writeString(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"':
                        out.append("\\\"");
                        break;
                    case '\\':
                        out.append("\\\\");
                        break;
                    case '\n':
                        out.append("\\n");
                        break;
                    case '\r':
                        out.append("\\r");
                        break;
                    case '\t':
                        out.append("\\t");
                        break;
                    case '\b':
                        out.append("\\b");
                        break;
                    case '\f':
                        out.append("\\f");
                        break;
                    default:
                        if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                            // UTF-16 units are exactly the \\u escapes Python writes, surrogate pairs included.
                            String hex = Integer.toHexString(c);
                            out.append("\\u");
                            for (int k = hex.length(); k < 4; k++) {
                                out.append('0');
                            }
                            out.append(hex);
                        } else {
                            out.append(c);
                        }
                }
            }
            out.append('"');
        }
    }

    /** Python's JSON spelling of a float: repr, with NaN / Infinity / -Infinity. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PyFloat.repr(d);
    }

}
