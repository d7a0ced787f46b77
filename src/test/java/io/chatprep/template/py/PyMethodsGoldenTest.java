package io.chatprep.template.py;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Methods, attribute/item access and slicing against Jinja2's sandbox. */
class PyMethodsGoldenTest {
    @TestFactory
    Stream<DynamicTest> methods() {
        return GoldenCases.tests("methods.jsonl", PyMethodsGoldenTest::evaluate);
    }

    static Object evaluate(GoldenCases.Case c) {
        switch (c.kind) {
            case "method":
                return PyMethods.call(c.value("self"), c.text("name"), c.list("args"), c.map("kwargs"));
            case "getattr":
                return PyAccess.getattr(c.value("obj"), c.text("key"));
            case "getitem":
                return PyAccess.getitem(c.value("obj"), c.value("key"));
            case "slice":
                return PyAccess.slice(c.value("obj"), c.value("start"), c.value("stop"), c.value("step"));
            default:
                throw new IllegalArgumentException("unknown case kind " + c.kind);
        }
    }
}
