package io.chatprep.template.py;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Real dataset rows: parsed like json.loads, then tools (or messages) dumped and printed like Python. */
class PyDataGoldenTest {
    @TestFactory
    Stream<DynamicTest> datasetRows() {
        return GoldenCases.tests("data.jsonl", PyDataGoldenTest::evaluate);
    }

    static Object evaluate(GoldenCases.Case c) {
        Map<?, ?> row = (Map<?, ?>) PyJson.parse(c.text("line"));
        Object target = PyOps.truthy(row.get("tools")) ? row.get("tools") : row.get("messages");
        Map<String, Object> p = c.map("params");
        if (p.containsKey("repr")) {
            return PyStr.repr(target);
        }
        return PyJson.dumps(target, p.get("indent"), null, null, Boolean.TRUE.equals(p.get("sort_keys")),
                Boolean.TRUE.equals(p.get("ensure_ascii")));
    }
}
