package io.chatprep.template.py;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.chatprep.template.RenderLimits;
import io.chatprep.template.lib.filter.Filter;
import io.chatprep.template.lib.filter.FilterLibrary;
import io.chatprep.template.lib.test.Test;
import io.chatprep.template.lib.test.TestLibrary;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.UnsafeUndefined;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Jinja2 filter and test goldens replayed through the engine's registered filters and tests (the objects
 * templates reach), so the engine cannot drift from the value layer's Python semantics. A generator result is
 * compared by its items, as the goldens record {@code list(result)}, and an attribute the sandbox refuses is an
 * Undefined.
 */
class EngineFiltersGoldenTest {
    @TestFactory
    Stream<DynamicTest> filters() {
        return GoldenCases.tests("filters.jsonl", EngineFiltersGoldenTest::filter);
    }

    @TestFactory
    Stream<DynamicTest> randomizedFilters() {
        List<GoldenCases.Case> cases = GoldenCases.load("fuzz.jsonl").stream()
                .filter(c -> c.kind.equals("filter")).toList();
        return cases.stream().map(c -> DynamicTest.dynamicTest("filter #" + c.line,
                () -> GoldenCases.check(c, EngineFiltersGoldenTest::filter)));
    }

    @TestFactory
    Stream<DynamicTest> tests() {
        return GoldenCases.tests("tests.jsonl", EngineFiltersGoldenTest::test);
    }

    private static RenderContext context() {
        return new RenderContext(RenderLimits.DEFAULT, LocalDateTime.of(2026, 1, 1, 0, 0));
    }

    static Object filter(GoldenCases.Case c) {
        Filter f = FilterLibrary.get(c.text("name"));
        assertNotNull(f, () -> "engine has no filter named " + c.text("name"));
        RenderContext ctx = context();
        return engine(() -> {
            Object result = f.apply(c.value("value"), new CallArgs(c.list("args"), c.map("kwargs")), ctx);
            if (c.input.has("call")) {
                result = call(result, c.list("call"), ctx);
            }
            // the engine's own forms of a generator and of the sandbox's Undefined, as the value layer knows them
            return result instanceof GeneratorValue g ? materialize(g) : UnsafeUndefined.plain(result);
        });
    }

    static Object test(GoldenCases.Case c) {
        Test t = TestLibrary.get(c.text("name"));
        assertNotNull(t, () -> "engine has no test named " + c.text("name"));
        RenderContext ctx = context();
        return engine(() -> t.test(c.value("value"), new CallArgs(c.list("args"), Map.of()), ctx));
    }

    private static Object call(Object callable, List<Object> args, RenderContext ctx) {
        if (callable instanceof PyMethod m) {
            return m.call(args, Map.of());
        }
        if (callable instanceof PyCallable f) {
            return f.call(new CallArgs(args, Map.of()), ctx);
        }
        throw PyException.typeError("'" + PyTypes.typeName(callable) + "' object is not callable");
    }

    private static List<Object> materialize(GeneratorValue g) {
        List<Object> items = new ArrayList<>();
        g.forEach(items::add);
        return items;
    }

    /** Runs engine code, reporting its errors as the Python exception they print as ("TypeError: ..."). */
    private static Object engine(java.util.function.Supplier<Object> body) {
        try {
            return body.get();
        } catch (TemplateRuntimeException e) {
            String text = e.getMessage();
            int colon = text.indexOf(": ");
            if (colon < 0) {
                throw new PyException("TemplateError", text);
            }
            throw new PyException(text.substring(0, colon), text.substring(colon + 2));
        }
    }
}
