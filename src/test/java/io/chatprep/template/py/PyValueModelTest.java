package io.chatprep.template.py;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java shapes of Python values and the documented handling of Undefined (Java null). */
class PyValueModelTest {
    @Test
    void jsonParsesIntoImmutablePythonValues() {
        Object parsed = PyJson.parse("{\"b\": [1, 1.0, 12345678901234567890, null, true], \"a\": {\"x\": 1e400}}");
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals(List.of("b", "a"), List.copyOf(map.keySet()));
        List<?> items = (List<?>) map.get("b");
        assertEquals(1L, items.get(0));
        assertEquals(1.0, items.get(1));
        assertEquals(new BigInteger("12345678901234567890"), items.get(2));
        assertSame(PyNone.NONE, items.get(3));
        assertEquals(Boolean.TRUE, items.get(4));
        assertEquals(Double.POSITIVE_INFINITY, ((Map<?, ?>) map.get("a")).get("x"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) items).add(1L));
        assertThrows(UnsupportedOperationException.class, () -> ((Map<Object, Object>) map).put("c", 1L));
    }

    @Test
    void malformedJsonSaysWhereItBrokeInPlainWords() {
        PyException row = assertThrows(PyException.class,
                () -> PyJson.parse("{\"id\": \"x\", \"messages\": [{\"role\": \"user\""));
        // Columns count from 1: the text ends at 40 characters, the unclosed object opens at the 26th.
        assertEquals("invalid JSON at column 41: Unexpected end-of-input: expected close marker for Object "
                + "(start marker at column 26)", row.getMessage());
        PyException later = assertThrows(PyException.class, () -> PyJson.parse("{\n  \"a\": tru\n}"));
        assertTrue(later.getMessage().startsWith("invalid JSON at line 2, column "), later.getMessage());
        assertFalse(later.getMessage().contains("Source"), later.getMessage());
    }

    @Test
    void jsonKeepsPythonsDuplicateKeyAndNumberRules() {
        // json.loads keeps a repeated key where it first appeared, with its last value.
        Map<?, ?> map = (Map<?, ?>) PyJson.parse("{\"a\": 1, \"b\": 2, \"a\": [3]}");
        assertEquals(List.of("a", "b"), List.copyOf(map.keySet()));
        assertEquals(List.of(3L), map.get("a"));
        List<?> numbers = (List<?>) PyJson.parse("[NaN, -Infinity, -9223372036854775808, -9223372036854775809, 0, -0.0]");
        assertTrue(Double.isNaN((Double) numbers.get(0)));
        assertEquals(Double.NEGATIVE_INFINITY, numbers.get(1));
        assertEquals(Long.MIN_VALUE, numbers.get(2));
        assertEquals(new BigInteger("-9223372036854775809"), numbers.get(3));
        assertEquals(0L, numbers.get(4));
        assertEquals(-0.0, numbers.get(5));
        assertEquals("", PyJson.parse("\"\""));
        assertEquals(List.of(List.of(), Map.of()), PyJson.parse(" [[], {}] "));
    }

    @Test
    void malformedJsonIsAValueError() {
        assertEquals("ValueError", assertThrows(PyException.class, () -> PyJson.parse("  ")).pyType());
        PyException e = assertThrows(PyException.class, () -> PyJson.parse("{\"a\": }"));
        assertEquals("ValueError", e.pyType());
        assertEquals("ValueError", assertThrows(PyException.class, () -> PyJson.parse("[1] [2]")).pyType());
    }

    @Test
    void tuplesAreImmutableAndDistinctFromLists() {
        PyTuple t = PyTuple.of(1L, "a");
        assertThrows(UnsupportedOperationException.class, () -> t.add(2L));
        assertEquals("(1, 'a')", t.toString());
        assertEquals("(1,)", PyStr.repr(PyTuple.of(1L)));
        assertFalse(PyOps.eq(t, List.of(1L, "a")));
        assertTrue(PyOps.eq(t, PyTuple.of(1.0, "a")));
    }

    @Test
    void undefinedIsEmptyFalsyAndSelfEqual() {
        assertEquals("", PyStr.str(null));
        assertEquals("Undefined", PyStr.repr(null));
        assertFalse(PyOps.truthy(null));
        assertTrue(PyOps.eq(null, null));
        assertFalse(PyOps.eq(null, PyNone.NONE));
        assertFalse(PyOps.contains(null, "x"));
        assertEquals("ab", PyOps.concat("a", PyOps.concat(null, "b")));
        assertEquals("UndefinedError", assertThrows(PyException.class, () -> PyArithmetic.add(null, 1L)).pyType());
        assertEquals("UndefinedError", assertThrows(PyException.class, () -> PyOps.lt(null, 1L)).pyType());
        assertEquals("UndefinedError", assertThrows(PyException.class, () -> PyAccess.getattr(null, "x")).pyType());
        assertEquals("UndefinedError", assertThrows(PyException.class, () -> PyAccess.getitem(null, 0L)).pyType());
        assertEquals("TypeError", assertThrows(PyException.class, () -> PyJson.dumps(null)).pyType());
    }

    @Test
    void missingAttributesAndIndicesAreUndefined() {
        Map<String, Object> message = Map.of("role", "user");
        assertNull(PyAccess.getattr(message, "content"));
        assertNull(PyAccess.getitem(List.of(1L), 5L));
        assertNull(PyAccess.getattr("text", "encode"));
        assertTrue(PyAccess.getattr("text", "upper") instanceof PyMethod);
        assertEquals("TEXT", ((PyMethod) PyAccess.getattr("text", "upper")).call(List.of(), Map.of()));
    }

    @Test
    void mutatorsAreUndefinedAttributesAndRefusedWhenCalled() {
        assertNull(PyAccess.getattr(List.of(1L), "append"));
        assertNull(PyAccess.getattr("text", "__class__"));
        assertEquals("v", PyAccess.getattr(Map.of("_private", "v"), "_private"));
        PyException e = assertThrows(PyException.class, () -> PyMethods.call(List.of(1L), "append", List.of(2L),
                Map.of()));
        assertEquals("SecurityError", e.pyType());
        assertEquals("access to attribute 'append' of 'list' object is unsafe.", e.getMessage());
    }

    @Test
    void integersOverflowIntoBigIntegersAndBack() {
        assertEquals(new BigInteger("9223372036854775808"), PyArithmetic.add(Long.MAX_VALUE, 1L));
        assertEquals(Long.MAX_VALUE, PyArithmetic.sub(new BigInteger("9223372036854775808"), 1L));
        assertEquals(new BigInteger("85070591730234615847396907784232501249"), PyArithmetic.mul(Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(Long.MIN_VALUE, PyArithmetic.neg(new BigInteger("9223372036854775808")));
        assertEquals(4L, PyArithmetic.add(1, 3));
    }

    @Test
    void floatReprIsShortestRoundTrip() {
        assertEquals("0.30000000000000004", PyFloat.repr(0.1 + 0.2));
        assertEquals("1e+16", PyFloat.repr(1e16));
        assertEquals("1e-05", PyFloat.repr(1e-5));
        assertEquals("-0.0", PyFloat.repr(-0.0));
        assertEquals("5.684341886080802e-14", PyFloat.repr(Math.scalb(1.0, -44)));
        assertEquals("2e-323", PyFloat.repr(2e-323));
        assertEquals("1.0", PyStr.str(1.0));
    }
}
