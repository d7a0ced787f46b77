package io.chatprep.template.expr;

import io.chatprep.template.py.PyStr;
import io.chatprep.template.runtime.Scope;

/** A literal. */
public final class Const extends Expr {
    private final Object value;

    public Const(Object value, int line) {
        super(line);
        this.value = value;
    }

    public Object value() {
        return value;
    }

    @Override
    public Object eval(Scope scope) {
        return value;
    }

    @Override
    public String describe() {
        return PyStr.repr(value);
    }
}
