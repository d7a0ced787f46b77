package io.chatprep.template.py;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2's built-in tests ({@code x is sequence}, {@code x is divisibleby(3)}, ...) as pure functions.
 * {@code filter} and {@code test} need the engine's registries and are left to it.
 */
public final class PyTests {
    private static final Set<String> NAMES = Set.of("odd", "even", "divisibleby", "defined", "undefined", "none",
            "boolean", "false", "true", "integer", "float", "lower", "upper", "string", "mapping", "number", "sequence",
            "iterable", "callable", "sameas", "escaped", "in", "==", "eq", "equalto", "!=", "ne", ">", "gt",
            "greaterthan", "ge", ">=", "<", "lt", "lessthan", "<=", "le");

    private PyTests() {
    }

    public static boolean has(String name) {
        return NAMES.contains(name);
    }

    public static Set<String> names() {
        return NAMES;
    }

    /** Applies test {@code name} to {@code value} with the test's arguments. */
    public static boolean call(String name, Object value, List<Object> args) {
        switch (name) {
            case "odd":
                return PyOps.eq(PyArithmetic.mod(value, 2L), 1L);
            case "even":
                return PyOps.eq(PyArithmetic.mod(value, 2L), 0L);
            case "divisibleby":
                return PyOps.eq(PyArithmetic.mod(value, argument(name, args)), 0L);
            case "defined":
                return value != null;
            case "undefined":
                return value == null;
            case "none":
                return value == PyNone.NONE;
            case "boolean":
                return value instanceof Boolean;
            case "false":
                return Boolean.FALSE.equals(value);
            case "true":
                return Boolean.TRUE.equals(value);
            case "integer":
                return PyTypes.isIntegral(value);
            case "float":
                return PyTypes.isFloat(value);
            case "lower":
                return (Boolean) PyMethods.call(PyStr.str(value), "islower", List.of(), Map.of());
            case "upper":
                return (Boolean) PyMethods.call(PyStr.str(value), "isupper", List.of(), Map.of());
            case "string":
                return value instanceof String;
            case "mapping":
                return value instanceof Map;
            case "number":
                return PyTypes.isNumber(value);
            case "sequence":
                return isSequence(value);
            case "iterable":
                return value == null || value instanceof String || value instanceof Iterable || value instanceof Map;
            case "callable":
                // Undefined is callable in Jinja2 (calling it raises), so it passes the test.
                return value == null || value instanceof PyMethod;
            case "sameas":
                return isSame(value, argument(name, args));
            case "escaped":
                return false;
            case "in":
                return PyOps.contains(argument(name, args), value);
            case "==":
            case "eq":
            case "equalto":
                return PyOps.eq(value, argument(name, args));
            case "!=":
            case "ne":
                return PyOps.ne(value, argument(name, args));
            case ">":
            case "gt":
            case "greaterthan":
                return PyOps.gt(value, argument(name, args));
            case ">=":
            case "ge":
                return PyOps.ge(value, argument(name, args));
            case "<":
            case "lt":
            case "lessthan":
                return PyOps.lt(value, argument(name, args));
            case "<=":
            case "le":
                return PyOps.le(value, argument(name, args));
            default:
                throw new PyException("TemplateRuntimeError", "No test named '" + name + "'.");
        }
    }

    /** Jinja2's sequence test: has a length and supports indexing (str, list, tuple, dict, and Undefined). */
    public static boolean isSequence(Object value) {
        return value == null || value instanceof String || (value instanceof List && !(value instanceof PyDictView))
                || value instanceof Map;
    }

    /** Python's {@code is} for the values a template can name: None, booleans, small ints, the same object. */
    private static boolean isSame(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Boolean || b instanceof Boolean || a == null || b == null) {
            return false;
        }
        // CPython caches ints from -5 to 256, so equal small ints are the same object.
        if (a instanceof Long && b instanceof Long) {
            long x = (Long) a;
            return x == (Long) b && x >= -5 && x <= 256;
        }
        return a instanceof String && a.equals(b) && ((String) a).length() <= 1;
    }

    private static Object argument(String name, List<Object> args) {
        if (args == null || args.isEmpty()) {
            throw PyException.typeError("test_" + name + "() missing 1 required positional argument");
        }
        return args.get(0);
    }
}
