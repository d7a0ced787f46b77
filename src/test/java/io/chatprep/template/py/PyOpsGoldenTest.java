package io.chatprep.template.py;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Operators against Python's answers (evaluated by Jinja2 in transformers' sandbox). */
class PyOpsGoldenTest {
    @TestFactory
    Stream<DynamicTest> operators() {
        return GoldenCases.tests("ops.jsonl", PyOpsGoldenTest::evaluate);
    }

    static Object evaluate(GoldenCases.Case c) {
        Object a = c.value("a");
        Object b = c.input.has("b") ? c.value("b") : null;
        switch (c.text("op")) {
            case "add":
                return PyArithmetic.add(a, b);
            case "sub":
                return PyArithmetic.sub(a, b);
            case "mul":
                return PyArithmetic.mul(a, b);
            case "truediv":
                return PyArithmetic.truediv(a, b);
            case "floordiv":
                return PyArithmetic.floordiv(a, b);
            case "mod":
                return PyArithmetic.mod(a, b);
            case "pow":
                return PyArithmetic.pow(a, b);
            case "eq":
                return PyOps.eq(a, b);
            case "ne":
                return PyOps.ne(a, b);
            case "lt":
                return PyOps.lt(a, b);
            case "le":
                return PyOps.le(a, b);
            case "gt":
                return PyOps.gt(a, b);
            case "ge":
                return PyOps.ge(a, b);
            case "concat":
                return PyOps.concat(a, b);
            case "in":
                return PyOps.contains(b, a);
            case "notin":
                return PyOps.notContains(b, a);
            case "truthy":
                return PyOps.truthy(a);
            case "neg":
                return PyArithmetic.neg(a);
            case "pos":
                return PyArithmetic.pos(a);
            default:
                throw new IllegalArgumentException("unknown operator " + c.text("op"));
        }
    }
}
