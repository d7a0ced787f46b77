package io.chatprep.job.input;

import io.chatprep.template.py.PyNone;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Parquet record to the Python value model under its own file's schema, as HF {@code datasets} hands the file's
 * rows to Python: a struct is a dict of exactly the fields that file declares (a null one is None; one the file does
 * not declare is absent, so the template sees it undefined, as in JSON Lines), lists follow the Parquet list layouts
 * (standard three-level and the older two-level forms), a string annotated as JSON (how pyarrow stores Arrow's
 * {@code arrow.json} extension, which datasets 5 writes for values it cannot type) is a {@link JsonText} until
 * {@link #decodeJson} decodes it. Other values: integers and floats as Python's, dates and timestamps as their
 * Python {@code str()}, decimals as floats, binary as UTF-8 text.
 */
public final class ParquetValues {
    private ParquetValues() {
    }

    /** The record's fields, in schema order. */
    public static Map<String, Object> row(Group record) {
        return struct(record, record.getType());
    }

    /** Whether a schema holds JSON-annotated strings anywhere (only then does a row need {@link #decodeJson}). */
    public static boolean hasJson(Type type) {
        if (type.isPrimitive()) {
            return type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
        }
        for (Type field : type.asGroupType().getFields()) {
            if (hasJson(field)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> struct(Group g, GroupType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            out.put(type.getFieldName(i), field(g, i, type.getType(i)));
        }
        return out;
    }

    /** Field {@code i} of {@code g}: a repeated field without a list annotation is a list of its values. */
    private static Object field(Group g, int i, Type type) {
        int n = g.getFieldRepetitionCount(i);
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            List<Object> values = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                values.add(value(g, i, j, type));
            }
            return values;
        }
        return n == 0 ? PyNone.NONE : value(g, i, 0, type);
    }

    private static Object value(Group g, int i, int j, Type type) {
        if (type.isPrimitive()) {
            return primitive(g, i, j, type.asPrimitiveType());
        }
        GroupType group = type.asGroupType();
        Group child = g.getGroup(i, j);
        LogicalTypeAnnotation a = group.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && group.getFieldCount() == 1
                && group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            return list(child, group);
        }
        if ((a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) && group.getFieldCount() == 1
                && !group.getType(0).isPrimitive()) {
            return map(child, group.getType(0).asGroupType());
        }
        return struct(child, group);
    }

    /**
     * A LIST group: its repeated field is the element itself when it is a primitive, a group of several fields, or a
     * one-field group named {@code array} or {@code <list>_tuple} (the older layouts); otherwise its one field is
     * (the standard layout).
     */
    private static List<Object> list(Group listGroup, GroupType listType) {
        Type repeated = listType.getType(0);
        int n = listGroup.getFieldRepetitionCount(0);
        List<Object> out = new ArrayList<>(n);
        boolean repeatedIsElement = repeated.isPrimitive() || repeated.asGroupType().getFieldCount() > 1
                || repeated.getName().equals("array") || repeated.getName().equals(listType.getName() + "_tuple");
        for (int j = 0; j < n; j++) {
            if (repeatedIsElement) {
                out.add(repeated.isPrimitive() ? primitive(listGroup, 0, j, repeated.asPrimitiveType())
                        : struct(listGroup.getGroup(0, j), repeated.asGroupType()));
            } else {
                Group element = listGroup.getGroup(0, j);
                out.add(field(element, 0, repeated.asGroupType().getType(0)));
            }
        }
        return out;
    }

    private static Map<String, Object> map(Group mapGroup, GroupType keyValue) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = mapGroup.getFieldRepetitionCount(0);
        for (int j = 0; j < n; j++) {
            Group entry = mapGroup.getGroup(0, j);
            Object key = field(entry, 0, keyValue.getType(0));
            Object value = keyValue.getFieldCount() > 1 ? field(entry, 1, keyValue.getType(1)) : PyNone.NONE;
            out.put(key instanceof String s ? s : PythonJson.write(key), value);
        }
        return out;
    }

    private static Object primitive(Group g, int i, int j, PrimitiveType type) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return g.getBoolean(i, j);
            case INT32: {
                int v = g.getInteger(i, j);
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return LocalDate.ofEpochDay(v).toString();
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return BigDecimal.valueOf(v, d.getScale()).doubleValue();
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
                    return pythonTime(LocalTime.ofNanoOfDay(v * 1_000_000L));
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation t && !t.isSigned()) {
                    return Integer.toUnsignedLong(v);
                }
                return (long) v;
            }
            case INT64: {
                long v = g.getLong(i, j);
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return BigDecimal.valueOf(v, d.getScale()).doubleValue();
                }
                if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
                    return timestamp(v, t.getUnit(), t.isAdjustedToUTC());
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation t) {
                    return pythonTime(LocalTime.ofNanoOfDay(
                            t.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? v * 1000 : v));
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation t && !t.isSigned() && v < 0) {
                    return new BigInteger(Long.toUnsignedString(v));
                }
                return v;
            }
            case INT96:
                return int96(g.getInt96(i, j));
            case FLOAT:
                return (double) g.getFloat(i, j);
            case DOUBLE:
                return g.getDouble(i, j);
            default: {
                Binary b = g.getBinary(i, j);
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return new BigDecimal(new BigInteger(b.getBytes()), d.getScale()).doubleValue();
                }
                if (a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                    return new JsonText(b.toStringUsingUTF8());
                }
                if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
                    ByteBuffer u = b.toByteBuffer();
                    return new java.util.UUID(u.getLong(), u.getLong()).toString();
                }
                // By name: the annotation class exists from Parquet 1.14 on, and Spark 3.5 ships 1.13.
                if (a != null && a.getClass().getSimpleName().equals("Float16LogicalTypeAnnotation")) {
                    byte[] h = b.getBytes();
                    return halfFloat((h[1] & 0xFF) << 8 | (h[0] & 0xFF));
                }
                return b.toStringUsingUTF8();
            }
        }
    }

    /** An IEEE half-precision value (sign, 5 exponent bits, 10 fraction bits) as a double. */
    static double halfFloat(int bits) {
        int exponent = (bits >> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        double sign = (bits & 0x8000) != 0 ? -1.0 : 1.0;
        if (exponent == 0x1F) {
            return fraction == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        double magnitude = exponent == 0 ? fraction * 0x1p-24 : (1024 + fraction) * Math.scalb(1.0, exponent - 25);
        return sign * magnitude;
    }

    private static String timestamp(long v, LogicalTypeAnnotation.TimeUnit unit, boolean utc) {
        long seconds;
        long nanos;
        switch (unit) {
            case MILLIS -> {
                seconds = Math.floorDiv(v, 1000L);
                nanos = Math.floorMod(v, 1000L) * 1_000_000L;
            }
            case MICROS -> {
                seconds = Math.floorDiv(v, 1_000_000L);
                nanos = Math.floorMod(v, 1_000_000L) * 1000L;
            }
            default -> {
                seconds = Math.floorDiv(v, 1_000_000_000L);
                nanos = Math.floorMod(v, 1_000_000_000L);
            }
        }
        return pythonDateTime(LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC)) + (utc ? "+00:00" : "");
    }

    /** Legacy INT96 timestamps: nanoseconds of the day, then the Julian day, both little-endian. */
    private static String int96(Binary b) {
        ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buf.getLong();
        long julianDay = buf.getInt();
        long epochDay = julianDay - 2_440_588L;
        return pythonDateTime(LocalDateTime.of(LocalDate.ofEpochDay(epochDay), LocalTime.ofNanoOfDay(nanosOfDay)));
    }

    /** Python's {@code str(datetime)}: microseconds only when not zero. */
    private static String pythonDateTime(LocalDateTime t) {
        return t.toLocalDate() + " " + pythonTime(t.toLocalTime());
    }

    private static String pythonTime(LocalTime t) {
        String hms = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? hms : hms + String.format(".%06d", micros);
    }

    /**
     * The value with every {@link JsonText} decoded as datasets decodes its Json feature ({@link DatasetsJson}). A text
     * that does not decode fails naming where it sits ({@code messages[2]}); datasets fails on that row too.
     */
    public static Object decodeJson(Object value) throws IOException {
        if (value instanceof JsonText t) {
            return DatasetsJson.loads(t.text());
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                try {
                    out.put(key, decodeJson(e.getValue()));
                } catch (JsonPathException x) {
                    throw x.under(key, true);
                } catch (IOException x) {
                    throw new JsonPathException(key, x.getMessage());
                }
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                try {
                    out.add(decodeJson(l.get(i)));
                } catch (JsonPathException x) {
                    throw x.under("[" + i + "]", false);
                } catch (IOException x) {
                    throw new JsonPathException("[" + i + "]", x.getMessage());
                }
            }
            return out;
        }
        return value;
    }

    /** A JSON text that does not decode, with the path of the value that holds it. */
    static final class JsonPathException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String problem;

        JsonPathException(String path, String problem) {
            super(path + " holds JSON text (Parquet JSON type) that does not decode: " + problem);
            this.path = path;
            this.problem = problem;
        }

        JsonPathException under(String segment, boolean field) {
            return new JsonPathException(segment + (field && !path.startsWith("[") ? "." : "") + path, problem);
        }
    }
}
