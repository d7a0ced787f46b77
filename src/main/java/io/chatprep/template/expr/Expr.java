package io.chatprep.template.expr;

import io.chatprep.template.runtime.Scope;

/** A compiled expression. Immutable: one tree serves every render on every thread. */
public abstract class Expr {
    protected final int line;

    protected Expr(int line) {
        this.line = line;
    }

    public int line() {
        return line;
    }

    public abstract Object eval(Scope scope);

    /** Source-like text for error messages ("'foo' is undefined"). */
    public String describe() {
        return "expression";
    }
}
