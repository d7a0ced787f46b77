package io.chatprep.template.expr;

import io.chatprep.template.py.PyOps;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.UnsafeUndefined;
import io.chatprep.template.runtime.Values;
import java.util.List;

/** A comparison chain {@code a < b <= c}, evaluated pairwise and short-circuiting like Python. */
public final class Compare extends Expr {
    private final Expr first;
    private final List<String> ops;
    private final List<Expr> rest;

    public Compare(Expr first, List<String> ops, List<Expr> rest, int line) {
        super(line);
        this.first = first;
        this.ops = ops;
        this.rest = rest;
    }

    @Override
    public Object eval(Scope scope) {
        Object left = first.eval(scope);
        for (int i = 0; i < ops.size(); i++) {
            Object right = rest.get(i).eval(scope);
            if (!compareValues(ops.get(i), left, right)) {
                return false;
            }
            left = right;
        }
        return true;
    }

    /** An unsafe Undefined compares as an Undefined, and raises its SecurityError where an Undefined raises. */
    private static boolean compareValues(String op, Object a, Object b) {
        UnsafeUndefined cause = a instanceof UnsafeUndefined u ? u : b instanceof UnsafeUndefined u ? u : null;
        if (cause == null) {
            return compare(op, a, b);
        }
        return UnsafeUndefined.guard(cause, () -> compare(op, UnsafeUndefined.plain(a), UnsafeUndefined.plain(b)));
    }

    static boolean compare(String op, Object a, Object b) {
        return switch (op) {
            case "==" -> PyOps.eq(a, b);
            case "!=" -> PyOps.ne(a, b);
            case "<" -> PyOps.lt(a, b);
            case "<=" -> PyOps.le(a, b);
            case ">" -> PyOps.gt(a, b);
            case ">=" -> PyOps.ge(a, b);
            case "in" -> contains(b, a);
            case "not in" -> !contains(b, a);
            default -> throw new IllegalStateException(op);
        };
    }

    static boolean contains(Object container, Object item) {
        if (container instanceof GeneratorValue g) {
            for (Object o : Values.iterate(g)) {
                if (PyOps.eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        return PyOps.contains(container, item);
    }
}
