package io.chatprep.template.py;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every value-growing operation refuses to build past the per-thread cap, before allocating. */
class PyLimitsTest {
    private long previous;

    @BeforeEach
    void lowerCap() {
        previous = PyLimits.setMaxSize(1000);
    }

    @AfterEach
    void restoreCap() {
        PyLimits.setMaxSize(previous);
    }

    private static void assertStringLimit(Executable operation) {
        PyException e = assertThrows(PyException.class, operation);
        assertEquals("LimitError", e.pyType());
        assertEquals("string length limit of 1000 characters exceeded", e.getMessage());
    }

    @Test
    void stringOperationsStopAtTheCap() {
        assertStringLimit(() -> PyArithmetic.mul("ab", 501L));
        assertStringLimit(() -> PyArithmetic.mul(Long.MAX_VALUE, "ab"));
        assertStringLimit(() -> PyArithmetic.add("x".repeat(600), "y".repeat(401)));
        assertStringLimit(() -> PyOps.concat("x".repeat(600), "y".repeat(401)));
        assertStringLimit(() -> PyMethods.call("abc", "center", List.of(1001L), Map.of()));
        assertStringLimit(() -> PyMethods.call("abc", "zfill", List.of(5000L), Map.of()));
        assertStringLimit(() -> PyMethods.call("a".repeat(100), "replace", List.of("a", "x".repeat(20)), Map.of()));
        assertStringLimit(() -> PyMethods.call("a".repeat(100), "replace", List.of("", "xy".repeat(10)), Map.of()));
        assertStringLimit(() -> PyMethods.call(",", "join", List.of(List.of("x".repeat(600), "y".repeat(600))), Map.of()));
        assertStringLimit(() -> PyMethods.call("{:>2000}", "format", List.of("x"), Map.of()));
        assertStringLimit(() -> PyMethods.call("\t\t\t", "expandtabs", List.of(400L), Map.of()));
        assertStringLimit(() -> PyFormat.percent("%2000s", "x"));
        assertStringLimit(() -> PyFormat.format(1.5, ".2000f"));
        assertStringLimit(() -> TextFilters.indent("a\nb\nc", 600L, true, false));
        assertStringLimit(() -> PyJson.dumps(List.of(List.of(List.of(1L))), 400L, null, null, false, false));
        assertStringLimit(() -> PyStr.repr(List.of("x".repeat(999))));
        assertStringLimit(() -> PyArithmetic.pow(10L, 5000L));
        assertStringLimit(() -> PyFilters.call("wordwrap", "a b c d", List.of(1L, true, "x".repeat(400)), Map.of()));
    }

    @Test
    void listRepetitionStopsAtTheCap() {
        PyException e = assertThrows(PyException.class, () -> PyArithmetic.mul(List.of(1L, 2L), 501L));
        assertEquals("LimitError", e.pyType());
        assertEquals("list length limit of 1000 items exceeded", e.getMessage());
        assertThrows(PyException.class, () -> PyArithmetic.add(java.util.Collections.nCopies(600, 1L),
                java.util.Collections.nCopies(401, 1L)));
        assertEquals("LimitError", assertThrows(PyException.class,
                () -> PyFilters.call("batch", List.of(1L), List.of(5000L, "x"), Map.of())).pyType());
    }

    @Test
    void withinTheCapNothingChanges() {
        assertEquals("ab".repeat(500), PyArithmetic.mul("ab", 500L));
        assertEquals(1000, ((List<?>) PyArithmetic.mul(List.of(1L, 2L), 500L)).size());
    }

    @Test
    void capIsPerThread() throws InterruptedException {
        long[] seen = new long[1];
        Thread other = new Thread(() -> seen[0] = PyLimits.maxSize());
        other.start();
        other.join();
        assertEquals(PyLimits.DEFAULT_MAX_SIZE, seen[0]);
        assertEquals(1000, PyLimits.maxSize());
    }

    @Test
    void rejectsNonPositiveCaps() {
        assertThrows(IllegalArgumentException.class, () -> PyLimits.setMaxSize(0));
    }
}
