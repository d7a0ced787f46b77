package io.chatprep.template.py;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Jinja2's tests ({@code x is name}) against Jinja2 3.1. */
class PyTestsGoldenTest {
    @TestFactory
    Stream<DynamicTest> tests() {
        return GoldenCases.tests("tests.jsonl", c -> PyTests.call(c.text("name"), c.value("value"), c.list("args")));
    }
}
