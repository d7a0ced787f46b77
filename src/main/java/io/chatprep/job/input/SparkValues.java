package io.chatprep.job.input;

import io.chatprep.template.py.PyNone;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Iterator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark row values to the Python value model the way HF {@code datasets} hands Parquet rows to Python:
 * structs become dicts in schema order, a null field is None (Parquet cannot tell absent from null).
 */
public final class SparkValues {
    private SparkValues() {
    }

    /** The row's columns, except {@code skip}, as an ordered dict. */
    public static Map<String, Object> toPython(Row row, Set<String> skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        StructField[] fields = row.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            if (!skip.contains(fields[i].name())) {
                out.put(fields[i].name(), toPython(row.get(i), fields[i].dataType()));
            }
        }
        return out;
    }

    static Object toPython(Object value, DataType type) {
        if (value == null) {
            return PyNone.NONE;
        }
        if (type instanceof StructType struct) {
            Row r = (Row) value;
            Map<String, Object> out = new LinkedHashMap<>();
            StructField[] fields = struct.fields();
            for (int i = 0; i < fields.length; i++) {
                out.put(fields[i].name(), toPython(r.get(i), fields[i].dataType()));
            }
            return out;
        }
        if (type instanceof ArrayType array) {
            List<Object> out = new ArrayList<>();
            Iterator<?> it = ((scala.collection.Seq<?>) value).iterator();
            while (it.hasNext()) {
                out.add(toPython(it.next(), array.elementType()));
            }
            return out;
        }
        if (type instanceof MapType map) {
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<? extends scala.Tuple2<?, ?>> it = ((scala.collection.Map<?, ?>) value).iterator();
            while (it.hasNext()) {
                scala.Tuple2<?, ?> e = it.next();
                out.put(String.valueOf(e._1()), toPython(e._2(), map.valueType()));
            }
            return out;
        }
        if (type instanceof BinaryType) {
            return new String((byte[]) value, StandardCharsets.UTF_8);
        }
        if (type instanceof DecimalType) {
            return ((BigDecimal) value).doubleValue();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }
}
