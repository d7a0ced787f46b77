package io.chatprep.template.expr;

import io.chatprep.template.runtime.Scope;

/** A variable reference; unknown names are Undefined (null). */
public final class Name extends Expr {
    private final String name;

    public Name(String name, int line) {
        super(line);
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public Object eval(Scope scope) {
        return scope.lookup(name);
    }

    @Override
    public String describe() {
        return name;
    }
}
