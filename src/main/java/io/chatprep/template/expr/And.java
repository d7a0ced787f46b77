package io.chatprep.template.expr;

import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;

/** Python {@code and}: returns the deciding operand, not a boolean. */
public final class And extends Expr {
    private final Expr left;
    private final Expr right;

    public And(Expr left, Expr right, int line) {
        super(line);
        this.left = left;
        this.right = right;
    }

    @Override
    public Object eval(Scope scope) {
        Object a = left.eval(scope);
        return Values.truthy(a) ? right.eval(scope) : a;
    }
}
