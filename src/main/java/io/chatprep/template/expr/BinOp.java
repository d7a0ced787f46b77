package io.chatprep.template.expr;

import io.chatprep.template.py.PyArithmetic;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.UnsafeUndefined;

/** Arithmetic: {@code + - * / // % **}, with Python's results and errors. */
public final class BinOp extends Expr {
    private final String op;
    private final Expr left;
    private final Expr right;
    private final boolean plus;
    private final boolean percent;

    public BinOp(String op, Expr left, Expr right, int line) {
        super(line);
        this.op = op;
        this.left = left;
        this.right = right;
        this.plus = op.equals("+");
        this.percent = op.equals("%");
    }

    @Override
    public Object eval(Scope scope) {
        Object a = left.eval(scope);
        Object b = right.eval(scope);
        if (a == null || b == null || a instanceof UnsafeUndefined || b instanceof UnsafeUndefined
                || (percent && a instanceof String)) {
            return unusual(a, b, scope);
        }
        if (plus && a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return r;
            }
        }
        return scope.ctx().built(apply(a, b));
    }

    /** Kept out of {@link #eval} so the common path stays small enough to inline. */
    private Object unusual(Object a, Object b, Scope scope) {
        if (percent && a instanceof String format) {
            // str % x formats x itself: an Undefined argument prints as nothing under %s
            return b instanceof UnsafeUndefined u ? UnsafeUndefined.guard(u, () -> PyArithmetic.mod(format, null))
                    : scope.ctx().built(PyArithmetic.mod(format, b));
        }
        if (a instanceof UnsafeUndefined u) {
            throw u.error();
        }
        if (b instanceof UnsafeUndefined u) {
            throw u.error();
        }
        Expr undefinedSide = a == null ? left : right;
        throw TemplateRuntimeException.undefined("'" + undefinedSide.describe() + "' is undefined");
    }

    private Object apply(Object a, Object b) {
        return switch (op) {
            case "+" -> PyArithmetic.add(a, b);
            case "-" -> PyArithmetic.sub(a, b);
            case "*" -> PyArithmetic.mul(a, b);
            case "/" -> PyArithmetic.truediv(a, b);
            case "//" -> PyArithmetic.floordiv(a, b);
            case "%" -> PyArithmetic.mod(a, b);
            case "**" -> PyArithmetic.pow(a, b);
            default -> throw new IllegalStateException(op);
        };
    }
}
