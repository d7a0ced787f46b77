package io.chatprep.template.expr;

import io.chatprep.template.lib.filter.Filter;
import io.chatprep.template.runtime.Scope;

/** {@code value | name(args)}. */
public final class FilterExpr extends Expr {
    private final Expr input;
    private final Filter filter;
    private final Arguments args;

    public FilterExpr(Expr input, Filter filter, Arguments args, int line) {
        super(line);
        this.input = input;
        this.filter = filter;
        this.args = args;
    }

    @Override
    public Object eval(Scope scope) {
        Object v = input.eval(scope);
        return filter.apply(v, args.eval(scope), scope.ctx());
    }

    /** Applies this filter to an already rendered value (the {@code filter} block). */
    public Object applyTo(Object value, Scope scope) {
        return filter.apply(value, args.eval(scope), scope.ctx());
    }
}
