package io.chatprep.template.expr;

import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.UnsafeUndefined;
import io.chatprep.template.runtime.Values;

/** {@code obj[key]} and {@code obj[a:b:c]}. */
public final class GetItem extends Expr {
    private final Expr target;
    private final Expr key;

    public GetItem(Expr target, Expr key, int line) {
        super(line);
        this.target = target;
        this.key = key;
    }

    @Override
    public Object eval(Scope scope) {
        Object obj = target.eval(scope);
        if (obj instanceof UnsafeUndefined u) {
            throw u.error();
        }
        if (obj == null) {
            throw TemplateRuntimeException.undefined("'" + target.describe() + "' is undefined");
        }
        return Values.getItem(obj, key.eval(scope), scope.ctx());
    }

    @Override
    public String describe() {
        return target.describe() + "[" + key.describe() + "]";
    }
}
