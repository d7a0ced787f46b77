package io.chatprep.template.lib.test;

import io.chatprep.template.lib.filter.FilterLibrary;
import io.chatprep.template.py.PyNone;
import io.chatprep.template.py.PyOps;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Text;
import io.chatprep.template.runtime.Values;

/** Tests on values: comparisons, parity, case, membership, identity. */
final class ValueTests {
    private ValueTests() {
    }

    static Object arg(CallArgs a, String name) {
        if (!a.has(0, name)) {
            throw TemplateRuntimeException.typeError("test needs an argument '" + name + "'");
        }
        return a.get(0, name, null);
    }

    static final class Compare implements Test {
        private final String op;

        Compare(String op) {
            this.op = op;
        }

        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            Object other = arg(a, "other");
            return switch (op) {
                case "==" -> PyOps.eq(v, other);
                case "!=" -> PyOps.ne(v, other);
                case "<" -> PyOps.lt(v, other);
                case "<=" -> PyOps.le(v, other);
                case ">" -> PyOps.gt(v, other);
                default -> PyOps.ge(v, other);
            };
        }
    }

    static final class Odd implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return PyOps.eq(PyOps.mod(v, 2L), 1L);
        }
    }

    static final class Even implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return PyOps.eq(PyOps.mod(v, 2L), 0L);
        }
    }

    static final class DivisibleBy implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return PyOps.eq(PyOps.mod(v, arg(a, "num")), 0L);
        }
    }

    static final class Lower implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return Text.isLower(Values.str(v));
        }
    }

    static final class Upper implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return Text.isUpper(Values.str(v));
        }
    }

    static final class In implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return PyOps.contains(arg(a, "seq"), v);
        }
    }

    /** Python {@code is}: None and booleans are singletons; other values compare by identity. */
    static final class SameAs implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            Object other = arg(a, "other");
            if (v == PyNone.NONE || v instanceof Boolean) {
                return v == other || (v instanceof Boolean && v.equals(other));
            }
            return v == other;
        }
    }

    static final class Escaped implements Test {
        @Override
        public boolean test(Object v, CallArgs a, RenderContext c) {
            return false;
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
