package io.chatprep.template.lib.test;

import io.chatprep.template.lib.filter.FilterLibrary;
import io.chatprep.template.py.PyTests;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.RenderContext;
import java.util.List;

/** The tests that need the engine's own callables or registries, one class each. */
final class EngineTests {
    private EngineTests() {
    }

    /** Macros, globals and bound methods are the engine's callables; the rest is Python's rule. */
    static final class CallableTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof PyCallable || PyTests.call("callable", v, List.of());
        }
    }

    static final class FilterExists implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof String s && FilterLibrary.exists(s);
        }
    }

    static final class TestExists implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof String s && TestLibrary.get(s) != null;
        }
    }
}
