package io.chatprep.template.py;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** repr, str, json.dumps / json.loads and format() against Python's answers. */
class PyValuesGoldenTest {
    @TestFactory
    Stream<DynamicTest> values() {
        return GoldenCases.tests("values.jsonl", PyValuesGoldenTest::evaluate);
    }

    static Object evaluate(GoldenCases.Case c) {
        switch (c.kind) {
            case "repr":
                return PyStr.repr(c.value("value"));
            case "str":
                return PyStr.str(c.value("value"));
            case "json": {
                Map<String, Object> p = c.map("params");
                String itemSep = null;
                String keySep = null;
                if (p.containsKey("separators")) {
                    List<?> seps = (List<?>) p.get("separators");
                    itemSep = (String) seps.get(0);
                    keySep = (String) seps.get(1);
                }
                return PyJson.dumps(c.value("value"), p.get("indent"), itemSep, keySep,
                        Boolean.TRUE.equals(p.get("sort_keys")), Boolean.TRUE.equals(p.get("ensure_ascii")));
            }
            case "parse":
                return PyJson.parse(c.text("text"));
            case "format":
                return PyFormat.format(c.value("value"), c.text("spec"));
            default:
                throw new IllegalArgumentException("unknown case kind " + c.kind);
        }
    }
}
