package io.chatprep.template.py;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Randomized cases (fixed seed) across methods, slices, operators, float repr/format and filters. */
class PyFuzzGoldenTest {
    @TestFactory
    Stream<DynamicTest> randomized() {
        return GoldenCases.tests("fuzz.jsonl", PyFuzzGoldenTest::evaluate);
    }

    static Object evaluate(GoldenCases.Case c) {
        switch (c.kind) {
            case "method":
            case "slice":
                return PyMethodsGoldenTest.evaluate(c);
            case "op":
                return PyOpsGoldenTest.evaluate(c);
            case "repr":
            case "str":
            case "json":
            case "format":
                return PyValuesGoldenTest.evaluate(c);
            case "filter":
                return PyFilters.call(c.text("name"), c.value("value"), c.list("args"), c.map("kwargs"));
            default:
                throw new IllegalArgumentException("unknown case kind " + c.kind);
        }
    }
}
