package io.chatprep.template.py;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Filters against Jinja2 3.1 (with transformers' tojson). */
class PyFiltersGoldenTest {
    @TestFactory
    Stream<DynamicTest> filters() {
        return GoldenCases.tests("filters.jsonl", PyFiltersGoldenTest::evaluate);
    }

    static Object evaluate(GoldenCases.Case c) {
        Object result = PyFilters.call(c.text("name"), c.value("value"), c.list("args"), c.map("kwargs"));
        if (c.input.has("call")) {
            return ((PyMethod) result).call(c.list("call"), java.util.Map.of());
        }
        return result;
    }
}
