package io.chatprep.encode;

import io.chatprep.template.py.PyNone;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python type names and truthiness of row values, for messages a dataset author recognises. */
final class PythonTypes {
    private PythonTypes() {
    }

    static String name(Object value) {
        if (value == null) {
            return "nothing (absent)";
        }
        if (value == PyNone.NONE) {
            return "None";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }

    static boolean truthy(Object value) {
        if (value == null || value == PyNone.NONE) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }
}
