package io.chatprep.template.expr;

import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.SliceValue;

/** The {@code a:b:c} inside brackets. */
public final class SliceExpr extends Expr {
    private final Expr start;
    private final Expr stop;
    private final Expr step;

    public SliceExpr(Expr start, Expr stop, Expr step, int line) {
        super(line);
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public Object eval(Scope scope) {
        return new SliceValue(start == null ? null : start.eval(scope), stop == null ? null : stop.eval(scope),
                step == null ? null : step.eval(scope));
    }
}
