package io.chatprep.template.lib.test;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.List;
import java.util.Map;

/** Python type tests, one class each ({@code is string}, {@code is mapping}, ...). */
final class TypeTests {
    private TypeTests() {
    }

    static final class Defined implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v != null;
        }
    }

    static final class Undefined implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v == null;
        }
    }

    static final class None implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v == PyNone.NONE;
        }
    }

    static final class BooleanTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof Boolean;
        }
    }

    static final class TrueTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return Boolean.TRUE.equals(v);
        }
    }

    static final class FalseTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return Boolean.FALSE.equals(v);
        }
    }

    /** Python's bool is an int, so {@code true is number} holds but {@code true is integer} does not. */
    static final class NumberTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof Number || v instanceof Boolean;
        }
    }

    static final class IntegerTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return Values.isInt(v);
        }
    }

    static final class FloatTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof Double;
        }
    }

    static final class StringTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof String;
        }
    }

    static final class MappingTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof Map;
        }
    }

    /** Jinja2: anything with a length and item access: str, list, tuple, dict (and Undefined). */
    static final class SequenceTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof String || v instanceof List || v instanceof Map || v == null;
        }
    }

    static final class IterableTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return v instanceof String || v instanceof List || v instanceof Map || v instanceof GeneratorValue
                    || v == null;
        }
    }

    static final class CallableTest implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            // Jinja2's Undefined defines __call__ (it raises when called), so it counts as callable
            return v instanceof PyCallable || v == null;
        }
    }
}
