package io.chatprep.template.tree;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.Values;

/** {@code {{ expr }}}: Python {@code str()} of the value, never re-interpreted as a template. */
public record PrintNode(Expr expr) implements Node {
    @Override
    public void render(Scope scope, Output out) {
        scope.ctx().at(expr.line());
        out.write(Values.str(expr.eval(scope)));
    }
}
