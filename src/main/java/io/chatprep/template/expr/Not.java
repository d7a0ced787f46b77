package io.chatprep.template.expr;

import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;

/** {@code not x}. */
public final class Not extends Expr {
    private final Expr operand;

    public Not(Expr operand, int line) {
        super(line);
        this.operand = operand;
    }

    @Override
    public Object eval(Scope scope) {
        return !Values.truthy(operand.eval(scope));
    }
}
