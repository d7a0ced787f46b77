package io.chatprep.template.expr;

import io.chatprep.template.py.PyOps;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.UnsafeUndefined;

/** Arithmetic: {@code + - * / // % **}, with Python's results and errors. */
public final class BinOp extends Expr {
    private final String op;
    private final Expr left;
    private final Expr right;

    public BinOp(String op, Expr left, Expr right, int line) {
        super(line);
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object eval(Scope scope) {
        Object a = left.eval(scope);
        Object b = right.eval(scope);
        if (op.equals("%") && a instanceof String format) {
            // str % x formats x itself: an Undefined argument prints as nothing under %s
            return b instanceof UnsafeUndefined u ? UnsafeUndefined.guard(u, () -> PyOps.mod(format, null))
                    : checked(PyOps.mod(format, b), scope);
        }
        if (a instanceof UnsafeUndefined u) {
            throw u.error();
        }
        if (b instanceof UnsafeUndefined u) {
            throw u.error();
        }
        if (a == null || b == null) {
            Expr undefinedSide = a == null ? left : right;
            throw TemplateRuntimeException.undefined("'" + undefinedSide.describe() + "' is undefined");
        }
        if (op.equals("+") && a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return r;
            }
        }
        Object r = switch (op) {
            case "+" -> PyOps.add(a, b);
            case "-" -> PyOps.sub(a, b);
            case "*" -> PyOps.mul(a, b);
            case "/" -> PyOps.truediv(a, b);
            case "//" -> PyOps.floordiv(a, b);
            case "%" -> PyOps.mod(a, b);
            case "**" -> PyOps.pow(a, b);
            default -> throw new IllegalStateException(op);
        };
        return checked(r, scope);
    }

    private static Object checked(Object r, Scope scope) {
        return scope.ctx().built(r);
    }
}
