package io.chatprep.template.expr;

import io.chatprep.template.lib.filter.Filter;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.UnsafeUndefined;

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
        return applyTo(v, scope);
    }

    /** Applies this filter to a value (also to the rendered body of a {@code filter} block). */
    public Object applyTo(Object value, Scope scope) {
        CallArgs a = args.eval(scope);
        UnsafeUndefined cause = UnsafeUndefined.first(value, a);
        Object result = cause == null ? filter.apply(value, a, scope.ctx()) : UnsafeUndefined.guard(cause,
                () -> filter.apply(UnsafeUndefined.plain(value), UnsafeUndefined.plain(a), scope.ctx()));
        scope.ctx().memory().charge(result == value ? 0 : io.chatprep.template.py.PyLimits.sizeOf(result));
        return result;
    }
}
