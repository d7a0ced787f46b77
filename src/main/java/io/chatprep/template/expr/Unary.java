package io.chatprep.template.expr;

import io.chatprep.template.py.PyArithmetic;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.UnsafeUndefined;

/** Unary {@code -x} and {@code +x}. */
public final class Unary extends Expr {
    private final boolean negate;
    private final Expr operand;

    public Unary(boolean negate, Expr operand, int line) {
        super(line);
        this.negate = negate;
        this.operand = operand;
    }

    @Override
    public Object eval(Scope scope) {
        Object v = operand.eval(scope);
        if (v instanceof UnsafeUndefined u) {
            throw u.error();
        }
        if (v == null) {
            throw TemplateRuntimeException.undefined("'" + operand.describe() + "' is undefined");
        }
        return negate ? PyArithmetic.neg(v) : PyArithmetic.pos(v);
    }
}
