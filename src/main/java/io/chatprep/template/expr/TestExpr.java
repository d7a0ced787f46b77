package io.chatprep.template.expr;

import io.chatprep.template.lib.test.Test;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.UnsafeUndefined;

/** {@code value is [not] name(args)}. */
public final class TestExpr extends Expr {
    private final Expr input;
    private final Test test;
    private final Arguments args;
    private final boolean negated;

    public TestExpr(Expr input, Test test, Arguments args, boolean negated, int line) {
        super(line);
        this.input = input;
        this.test = test;
        this.args = args;
        this.negated = negated;
    }

    @Override
    public Object eval(Scope scope) {
        Object v = input.eval(scope);
        CallArgs a = args.eval(scope);
        UnsafeUndefined cause = UnsafeUndefined.first(v, a);
        boolean r = cause == null ? test.test(v, a, scope.ctx()) : UnsafeUndefined.guard(cause,
                () -> test.test(UnsafeUndefined.plain(v), UnsafeUndefined.plain(a), scope.ctx()));
        return negated != r;
    }
}
