package io.chatprep.template.expr;

import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;
import java.util.List;

/** {@code a ~ b ~ c}: Python {@code str()} of each, joined. */
public final class Concat extends Expr {
    private final List<Expr> parts;

    public Concat(List<Expr> parts, int line) {
        super(line);
        this.parts = parts;
    }

    @Override
    public Object eval(Scope scope) {
        StringBuilder sb = new StringBuilder();
        for (Expr e : parts) {
            sb.append(Values.str(e.eval(scope)));
            scope.ctx().checkStringSize(sb.length());
        }
        return scope.ctx().built(sb.toString());
    }
}
