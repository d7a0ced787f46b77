package io.chatprep.template.expr;

import io.chatprep.template.lib.test.Test;
import io.chatprep.template.runtime.Scope;

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
        boolean r = test.test(input.eval(scope), args.eval(scope), scope.ctx());
        return negated != r;
    }
}
