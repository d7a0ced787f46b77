package io.chatprep.template.expr;

import io.chatprep.template.runtime.Attributes;
import io.chatprep.template.runtime.Sandbox;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;

/** {@code obj.name}. */
public final class GetAttr extends Expr {
    private final Expr target;
    private final String name;

    public GetAttr(Expr target, String name, int line) {
        super(line);
        this.target = target;
        this.name = name;
    }

    public Expr target() {
        return target;
    }

    public String name() {
        return name;
    }

    @Override
    public Object eval(Scope scope) {
        Object obj = target.eval(scope);
        if (obj == null && Sandbox.refused(null, name) == null) {
            throw TemplateRuntimeException.undefined("'" + target.describe() + "' is undefined");
        }
        return Attributes.getAttr(obj, name, scope.ctx());
    }

    @Override
    public String describe() {
        return target.describe() + "." + name;
    }
}
