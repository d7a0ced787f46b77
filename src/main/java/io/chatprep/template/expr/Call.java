package io.chatprep.template.expr;

import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.UnsafeUndefined;
import io.chatprep.template.runtime.Values;

/** {@code f(args)}: only engine callables exist, so nothing else can be invoked. */
public final class Call extends Expr {
    private final Expr function;
    private final Arguments args;

    public Call(Expr function, Arguments args, int line) {
        super(line);
        this.function = function;
        this.args = args;
    }

    public Expr function() {
        return function;
    }

    public Arguments arguments() {
        return args;
    }

    @Override
    public Object eval(Scope scope) {
        Object f = function.eval(scope);
        if (f instanceof PyCallable c) {
            Object result = c.call(args.eval(scope), scope.ctx());
            scope.ctx().memory().charge(io.chatprep.template.py.PyLimits.sizeOf(result));
            return result;
        }
        if (f instanceof UnsafeUndefined u) {
            throw u.error();
        }
        if (f == null) {
            throw TemplateRuntimeException.undefined("'" + function.describe() + "' is undefined");
        }
        throw TemplateRuntimeException.typeError("'" + Values.typeName(f) + "' object is not callable");
    }

    @Override
    public String describe() {
        return function.describe() + "()";
    }
}
