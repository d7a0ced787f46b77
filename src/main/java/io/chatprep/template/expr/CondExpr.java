package io.chatprep.template.expr;

import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;

/** {@code a if cond else b}; without {@code else} the result is Undefined. */
public final class CondExpr extends Expr {
    private final Expr test;
    private final Expr then;
    private final Expr otherwise;

    public CondExpr(Expr test, Expr then, Expr otherwise, int line) {
        super(line);
        this.test = test;
        this.then = then;
        this.otherwise = otherwise;
    }

    @Override
    public Object eval(Scope scope) {
        if (Values.truthy(test.eval(scope))) {
            return then.eval(scope);
        }
        return otherwise == null ? null : otherwise.eval(scope);
    }
}
