package io.chatprep.template.expr;

import io.chatprep.template.py.PyOps;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;

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
        if (r instanceof String s) {
            scope.ctx().checkStringSize(s.length());
        } else if (r instanceof java.util.List<?> l) {
            scope.ctx().checkStringSize(l.size());
        }
        return r;
    }
}
